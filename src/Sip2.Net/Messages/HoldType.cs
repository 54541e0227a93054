namespace Sip2.Net.Messages;

/// <summary>Hold type (field BY, 1 digit).</summary>
public enum HoldType
{
    /// <summary>1 other.</summary>
    Other = 1,
    /// <summary>2 any copy of a title.</summary>
    AnyCopyOfTitle = 2,
    /// <summary>3 a specific copy.</summary>
    SpecificCopy = 3,
    /// <summary>4 any copy at a single branch or sub-location.</summary>
    AnyCopyAtLocation = 4,
}
