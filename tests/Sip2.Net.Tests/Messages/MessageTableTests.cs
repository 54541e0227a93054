using System.Reflection;
using Sip2.Net.Messages;

namespace Sip2.Net.Tests.Messages;

/// <summary>The table is the single source of truth; these tests fail when a record and its table entry disagree.</summary>
public class MessageTableTests
{
    public static TheoryData<Sip2Command> Commands()
    {
        var data = new TheoryData<Sip2Command>();
        foreach (var descriptor in Sip2MessageTable.All)
        {
            data.Add(descriptor.Command);
        }

        return data;
    }

    [Fact]
    public void Every_command_code_has_exactly_one_entry_and_record()
    {
        Assert.Equal(Enum.GetValues<Sip2Command>().Length, Sip2MessageTable.All.Count);
        Assert.Equal(Sip2MessageTable.All.Count, Sip2MessageTable.All.Select(d => d.MessageType).Distinct().Count());
        var records = typeof(Sip2Message).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(Sip2Message)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(records, Sip2MessageTable.All.Select(d => d.MessageType).ToHashSet());
    }

    [Theory]
    [InlineData(Sip2Command.PatronStatusRequest, 21)]
    [InlineData(Sip2Command.Checkout, 38)]
    [InlineData(Sip2Command.Checkin, 37)]
    [InlineData(Sip2Command.BlockPatron, 19)]
    [InlineData(Sip2Command.ScStatus, 8)]
    [InlineData(Sip2Command.Login, 2)]
    [InlineData(Sip2Command.PatronInformation, 31)]
    [InlineData(Sip2Command.EndPatronSession, 18)]
    [InlineData(Sip2Command.FeePaid, 25)]
    [InlineData(Sip2Command.ItemInformation, 18)]
    [InlineData(Sip2Command.ItemStatusUpdate, 18)]
    [InlineData(Sip2Command.PatronEnable, 18)]
    [InlineData(Sip2Command.Hold, 19)]
    [InlineData(Sip2Command.Renew, 38)]
    [InlineData(Sip2Command.RenewAll, 18)]
    [InlineData(Sip2Command.RequestAcsResend, 0)]
    [InlineData(Sip2Command.PatronStatusResponse, 35)]
    [InlineData(Sip2Command.CheckoutResponse, 22)]
    [InlineData(Sip2Command.CheckinResponse, 22)]
    [InlineData(Sip2Command.AcsStatus, 34)]
    [InlineData(Sip2Command.LoginResponse, 1)]
    [InlineData(Sip2Command.PatronInformationResponse, 59)]
    [InlineData(Sip2Command.EndPatronSessionResponse, 19)]
    [InlineData(Sip2Command.FeePaidResponse, 19)]
    [InlineData(Sip2Command.ItemInformationResponse, 24)]
    [InlineData(Sip2Command.ItemStatusUpdateResponse, 19)]
    [InlineData(Sip2Command.PatronEnableResponse, 35)]
    [InlineData(Sip2Command.HoldResponse, 20)]
    [InlineData(Sip2Command.RenewResponse, 22)]
    [InlineData(Sip2Command.RenewAllResponse, 27)]
    public void Fixed_part_lengths_match_the_reference(Sip2Command command, int length) =>
        Assert.Equal(length, Sip2MessageTable.Get(command).FixedLength);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Record_properties_are_exactly_the_table_fields(Sip2Command command)
    {
        var descriptor = Sip2MessageTable.Get(command);
        var declared = descriptor.MessageType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.Name != "EqualityContract")
            .ToDictionary(p => p.Name);
        var described = descriptor.FixedFields.Select(f => (f.PropertyName, f.ValueType))
            .Concat(descriptor.Fields.Select(f => (f.PropertyName, f.ValueType)))
            .ToList();

        Assert.Equal(described.Select(d => d.PropertyName).OrderBy(n => n), declared.Keys.OrderBy(n => n));
        foreach (var (name, valueType) in described)
        {
            Assert.Equal(valueType, declared[name].PropertyType);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_fixed_property_writes_its_own_slot(Sip2Command command)
    {
        var descriptor = Sip2MessageTable.Get(command);
        foreach (var field in descriptor.FixedFields)
        {
            var property = descriptor.MessageType.GetProperty(field.PropertyName)!;
            var message = (Sip2Message)Activator.CreateInstance(descriptor.MessageType)!;
            var before = message.FixedFieldTexts.ToArray();

            property.SetValue(message, SampleValue(property.PropertyType, field.Length, before[field.Index]));

            var after = message.FixedFieldTexts;
            Assert.Equal(field.Length, after[field.Index].Length);
            for (var i = 0; i < before.Length; i++)
            {
                if (i == field.Index)
                {
                    Assert.NotEqual(before[i], after[i]);
                }
                else
                {
                    Assert.Equal(before[i], after[i]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_variable_property_writes_its_own_field_id(Sip2Command command)
    {
        var descriptor = Sip2MessageTable.Get(command);
        foreach (var field in descriptor.Fields)
        {
            var property = descriptor.MessageType.GetProperty(field.PropertyName)!;
            var message = (Sip2Message)Activator.CreateInstance(descriptor.MessageType)!;
            var others = message.Fields.Where(f => f.Id != field.Id).ToList();

            property.SetValue(message, SampleValue(property.PropertyType, field.CodeLength, ""));

            Assert.Contains(message.Fields, f => f.Id == field.Id && f.Value.Length > 0);
            Assert.Equal(others, message.Fields.Where(f => f.Id != field.Id));
            Assert.Equal(field.IsRepeatable, property.PropertyType == typeof(IReadOnlyList<string>));
        }
    }

    [Fact]
    public void A_new_message_carries_its_required_fields_in_specification_order()
    {
        var response = new CheckoutResponse { ScreenMessages = ["Done"], InstitutionId = "inst", DueDate = "x" };

        Assert.Equal(["AO", "AA", "AB", "AJ", "AH", "AF"], response.Fields.Select(f => f.Id.ToString()));
    }

    private static object SampleValue(Type type, int length, string current)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => current == "" || current.Length == 0 ? "value" : new string('X', current.Length),
            _ when underlying == typeof(IReadOnlyList<string>) => new[] { "one", "two" },
            _ when underlying == typeof(bool) => current is not ("Y" or "1"),
            _ when underlying == typeof(bool?) => false,
            _ when underlying == typeof(char) => '9',
            _ when underlying == typeof(int) => Math.Min(7, (int)Math.Pow(10, Math.Max(length, 1)) - 1),
            _ when underlying == typeof(Sip2Timestamp) => Sip2Timestamp.Local(new DateTime(2024, 1, 2, 3, 4, 5)),
            _ when underlying == typeof(Sip2Amount) => new Sip2Amount("1.00"),
            _ when underlying == typeof(HoldMode) => HoldMode.Change,
            _ when underlying.IsEnum => Enum.ToObject(underlying, 7),
            _ => throw new InvalidOperationException(type.Name),
        };
    }
}
