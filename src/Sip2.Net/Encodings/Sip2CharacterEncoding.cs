namespace Sip2.Net.Encodings;

/// <summary>The character encodings a SIP2 connection can use; chosen per client registration.</summary>
public enum Sip2CharacterEncoding
{
    /// <summary>IBM code page 850, the standard's default.</summary>
    Ibm850 = 0,
    /// <summary>UTF-8.</summary>
    Utf8 = 1,
    /// <summary>Plain ASCII with diacritics removed on output (for clients that show only ASCII); input is read as IBM850.</summary>
    AsciiFolding = 2,
}
