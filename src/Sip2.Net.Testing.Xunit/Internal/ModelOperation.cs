using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Access;
using Sip2.Net.Resolution;

namespace Sip2.Net.Testing.Xunit.Internal;

/// <summary>What the model-based test can do to a store.</summary>
internal enum OperationKind
{
    SaveGroup,
    DeleteGroup,
    SaveInstitution,
    DeleteInstitution,
    SaveBranch,
    DeleteBranch,
    SetOverride,
    Create,
    CreateWithCredentials,
    CreateWithId,
    Update,
    UpdateAddress,
    UpdateCredentials,
    Delete,
    Activate,
    Deactivate,
    ChangeLogin,
    SetPassword,
}

/// <summary>
/// One operation of a random sequence. Its values are indexes into small sets (<see cref="Values"/>), chosen so that
/// operations collide: the same address, login ids differing only in case, ids SIP2 cannot carry, entries still in use.
/// <see cref="Target"/> picks a stored registration by position (modulo their number); 7, or when there are none, one
/// that does not exist.
/// </summary>
internal sealed record ModelOperation(OperationKind Kind, int First, int Second, int Third, int Fourth, int Target, int Actor)
{
    public static Gen<ModelOperation> Generator { get; } =
        from kind in Gen.Frequency(
            (2, Gen.Elements(OperationKind.SaveGroup, OperationKind.DeleteGroup, OperationKind.SaveInstitution, OperationKind.DeleteInstitution,
                OperationKind.SaveBranch, OperationKind.DeleteBranch, OperationKind.SetOverride)),
            (6, Gen.Elements(OperationKind.Create, OperationKind.CreateWithCredentials, OperationKind.CreateWithCredentials, OperationKind.CreateWithId, OperationKind.Update, OperationKind.UpdateAddress,
                OperationKind.UpdateCredentials, OperationKind.Delete, OperationKind.Activate, OperationKind.Deactivate,
                OperationKind.ChangeLogin, OperationKind.ChangeLogin, OperationKind.SetPassword)))
        from first in Gen.Choose(0, 7)
        from second in Gen.Choose(0, 7)
        from third in Gen.Choose(0, 7)
        from fourth in Gen.Choose(0, 7)
        from target in Gen.Choose(0, 7)
        from actor in Gen.Choose(0, Values.Actors.Length - 1)
        select new ModelOperation(kind, first, second, third, fourth, target, actor);

    public string? ActorName => Values.Actors[Actor];

    /// <summary>Shorter sequences: each without one operation, and the first half.</summary>
    public static IEnumerable<ModelOperation[]> Shrink(ModelOperation[] operations)
    {
        if (operations.Length > 1)
        {
            yield return operations.Take(operations.Length / 2).ToArray();
        }

        for (var i = 0; i < operations.Length; i++)
        {
            yield return operations.Where((_, j) => j != i).ToArray();
        }
    }

    public override string ToString() => Kind switch
    {
        OperationKind.SaveGroup => $"SaveGroup({Q(Values.Group(First))}, name {Q(Values.Name(Second))})",
        OperationKind.DeleteGroup => $"DeleteGroup({Q(Values.Group(First))})",
        OperationKind.SaveInstitution => $"SaveInstitution({Q(Values.Institution(First))}, group {Q(Values.GroupReference(Second))}, name {Q(Values.Name(Third))})",
        OperationKind.DeleteInstitution => $"DeleteInstitution({Q(Values.Institution(First))})",
        OperationKind.SaveBranch => $"SaveBranch({Q(Values.Institution(First))}/{Q(Values.Branch(Second))}, timeout {Values.Timeout(Third)}, library {Q(Values.Name(Fourth))})",
        OperationKind.DeleteBranch => $"DeleteBranch({Q(Values.Institution(First))}/{Q(Values.Branch(Second))})",
        OperationKind.SetOverride => $"SetOverride({Q(Values.Institution(First))}, {Values.Scenario(Second)}, {Q(Values.Text(Third))})",
        OperationKind.Create => $"Create({Values.Address(First)}, login {Q(Values.Login(Second))}, {PasswordName(Third)}, {Q(Values.Institution(Fourth))}/{Q(Values.Branch(Target))}, vendor {Values.Vendor(Fourth + Target)})",
        OperationKind.CreateWithCredentials => $"CreateWithCredentials({Values.Address(First % 3)}, login {Q(Values.Login(Second))}, {PasswordName(1 + (Third % 2))})",
        OperationKind.CreateWithId => $"CreateWithId(#{Target}, {Values.Address(First)})",
        OperationKind.Update => $"Update(#{Target}, {Q(Values.Institution(First))}/{Q(Values.Branch(Second))}, vendor {Values.Vendor(Third)}, description {Q(Values.Description(Fourth))})",
        OperationKind.UpdateAddress => $"UpdateAddress(#{Target}, {Values.Address(First)})",
        OperationKind.UpdateCredentials => $"UpdateCredentials(#{Target}, {(First % 3) switch { 0 => "login id", 1 => "password", _ => "activation" }})",
        OperationKind.ChangeLogin => $"ChangeLogin(#{Target}, {Q(Values.Login(First))}, {PasswordName(Second)})",
        OperationKind.SetPassword => $"SetPassword(#{Target}, {PasswordName(1 + (First % 2))})",
        _ => $"{Kind}(#{Target})",
    } + $" by {Q(ActorName)}";

    private static string PasswordName(int index) => Values.Password(index) is null ? "no password" : $"password {index % 3}";

    private static string Q(string? text) => text is null ? "null" : "\"" + text.Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    /// <summary>The small sets the operations' values come from.</summary>
    internal static class Values
    {
        public static readonly IPAddress[] Addresses =
        [
            IPAddress.Parse("203.0.113.1"),
            IPAddress.Parse("203.0.113.1").MapToIPv6(), // the same client seen by a dual-stack socket
            IPAddress.Parse("203.0.113.2"),
            IPAddress.Parse("203.0.113.1"),
            IPAddress.Parse("2001:db8::1"),
            IPAddress.Parse("224.0.0.9"),   // multicast: never
            IPAddress.Parse("192.168.0.9"), // private: only when local networks are allowed
            IPAddress.Parse("127.0.0.1"),   // loopback: likewise
        ];

        public static readonly string?[] Logins = [null, "k1", "K1", "k2", "", "K2", "a|b", "k3"];
        // Repeats make the usual values the likely ones, so that registrations get stored and then collide.
        public static readonly string[] Institutions = ["A", "a", "B", "A", "Z", "", "A", "B"];
        public static readonly string[] Branches = ["MAIN", "main", "EAST", "MAIN", "NONE", "", "MAIN", "MAIN"];
        public static readonly string[] Groups = ["G", "g", "H", "bad|id"];
        public static readonly string?[] Names = [null, "Metro", "two|fields"];
        public static readonly string[] Vendors = ["Default", "bibliotheca", "Default", "ENVISIONWARE", "Default", "bibliotheca", "Acme"];
        public static readonly string?[] Descriptions = [null, "front desk", new string('x', 1001)];
        public static readonly Sip2MessageScenario[] Scenarios = [Sip2MessageScenario.PatronNotFound, Sip2MessageScenario.ItemNotFound, (Sip2MessageScenario)9999];
        public static readonly string?[] Texts = [null, "Ask at the desk.", "two|fields", "  ", null, "Another text."];
        public static readonly int[] Timeouts = [30, 0, 100, 5];
        public static readonly string?[] Actors = ["alice", null, "  bob  "];

        // Two passwords, made once: hashing is slow on purpose and not what is tested.
        private static readonly Sip2PasswordHash?[] Passwords =
            [null, Sip2PasswordHash.Create("model-1", Sip2PasswordHash.MinimumIterations), Sip2PasswordHash.Create("model-2", Sip2PasswordHash.MinimumIterations)];

        public static IPAddress Address(int i) => Addresses[i % Addresses.Length];

        public static string? Login(int i) => Logins[i % Logins.Length];

        public static Sip2PasswordHash? Password(int i) => Passwords[i % Passwords.Length];

        public static string Institution(int i) => Institutions[i % Institutions.Length];

        public static string Branch(int i) => Branches[i % Branches.Length];

        public static string Group(int i) => Groups[i % Groups.Length];

        public static string? GroupReference(int i) => i % (Groups.Length + 1) == Groups.Length ? null : Groups[i % (Groups.Length + 1)];

        public static string? Name(int i) => Names[i % Names.Length];

        public static string Vendor(int i) => Vendors[i % Vendors.Length];

        public static string? Description(int i) => Descriptions[i % Descriptions.Length];

        public static Sip2MessageScenario Scenario(int i) => Scenarios[i % Scenarios.Length];

        public static string? Text(int i) => Texts[i % Texts.Length];

        public static int Timeout(int i) => Timeouts[i % Timeouts.Length];
    }
}
