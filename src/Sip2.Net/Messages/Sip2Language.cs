namespace Sip2.Net.Messages;

// The SIP2 code tables. Each enum's numeric value is the wire code, so a code the table does not name
// (a local extension, a newer revision) survives as a cast integer instead of being rejected.

/// <summary>Language (3 digits) of patron and status messages.</summary>
public enum Sip2Language
{
    /// <summary>000 unknown or default.</summary>
    Unknown = 0,
    /// <summary>001 English.</summary>
    English = 1,
    /// <summary>002 French.</summary>
    French = 2,
    /// <summary>003 German.</summary>
    German = 3,
    /// <summary>004 Italian.</summary>
    Italian = 4,
    /// <summary>005 Dutch.</summary>
    Dutch = 5,
    /// <summary>006 Swedish.</summary>
    Swedish = 6,
    /// <summary>007 Finnish.</summary>
    Finnish = 7,
    /// <summary>008 Spanish.</summary>
    Spanish = 8,
    /// <summary>009 Danish.</summary>
    Danish = 9,
    /// <summary>010 Portuguese.</summary>
    Portuguese = 10,
    /// <summary>011 Canadian French.</summary>
    CanadianFrench = 11,
    /// <summary>012 Norwegian.</summary>
    Norwegian = 12,
    /// <summary>013 Hebrew.</summary>
    Hebrew = 13,
    /// <summary>014 Japanese.</summary>
    Japanese = 14,
    /// <summary>015 Russian.</summary>
    Russian = 15,
    /// <summary>016 Arabic.</summary>
    Arabic = 16,
    /// <summary>017 Polish.</summary>
    Polish = 17,
    /// <summary>018 Greek.</summary>
    Greek = 18,
    /// <summary>019 Chinese.</summary>
    Chinese = 19,
    /// <summary>020 Korean.</summary>
    Korean = 20,
    /// <summary>021 North American Spanish.</summary>
    NorthAmericanSpanish = 21,
    /// <summary>022 Tamil.</summary>
    Tamil = 22,
    /// <summary>023 Malay.</summary>
    Malay = 23,
    /// <summary>024 United Kingdom.</summary>
    UnitedKingdom = 24,
    /// <summary>025 Icelandic.</summary>
    Icelandic = 25,
    /// <summary>026 Belgian.</summary>
    Belgian = 26,
    /// <summary>027 Taiwanese.</summary>
    Taiwanese = 27,
}
