namespace Sip2.Net.Benchmarks;

/// <summary>
/// One attack of the battery: its name, what it does (given its size), its default size (connections held, or parallel
/// loops), whether it holds connections or loops, what its completed and refused counts mean, and the attack itself.
/// </summary>
internal sealed record StressAttack(
    string Name,
    Func<int, string> Describe,
    int DefaultCount,
    bool Holds,
    string CompletedMeans,
    string RefusedMeans,
    Func<StressAttackContext, Task> Run);
