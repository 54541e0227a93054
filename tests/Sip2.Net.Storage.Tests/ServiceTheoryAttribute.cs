namespace Sip2.Net.TestSupport;

/// <summary>A theory that needs a real service: skipped where its variables are missing, except in CI (see <see cref="ServiceFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ServiceTheoryAttribute : TheoryAttribute
{
    public ServiceTheoryAttribute(params string[] variables) => Skip = new ServiceFactAttribute(variables).Skip;
}
