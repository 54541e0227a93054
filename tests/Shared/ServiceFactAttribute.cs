using System;

namespace Sip2.Net.TestSupport;

/// <summary>
/// A test that needs a real service (PostgreSQL, HAProxy, Chromium) that .ci/run starts and names in an environment
/// variable. Where the variable is missing the test is skipped with the reason, except in CI (<c>CI=true</c>), where
/// it runs and fails: CI never passes by skipping what it was meant to test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ServiceFactAttribute : FactAttribute
{
    public ServiceFactAttribute(params string[] variables)
    {
        Variables = variables;
        var missing = Array.FindAll(variables, v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));
        if (missing.Length > 0 && !IsCi)
        {
            Skip = $"needs {string.Join(", ", missing)} (bash .ci/run starts the services and sets them)";
        }
    }

    public string[] Variables { get; }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The variable's value; in CI, a missing one fails the test with a message naming it.</summary>
    public static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: this test needs the service .ci/run starts.");
}
