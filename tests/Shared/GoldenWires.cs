using System.Collections.Generic;

namespace Sip2.Net.Testing;

/// <summary>
/// The wire form of the golden vectors: a realistic example of every SIP2 2.00 message, IBM850 with a trailer.
/// Shared so the unit tests (which check each one field by field) and the fuzz harness (which seeds its corpus
/// with them) never drift apart.
/// </summary>
internal static class GoldenWires
{
    public static IReadOnlyDictionary<string, string> ByName { get; } = new Dictionary<string, string>
    {
        ["Login"] = "9300CNkiosk1|COsecret|CPmain|AY0AZF428",
        ["LoginResponse"] = "941AY0AZFDFD",
        ["ScStatus"] = "9900302.00AY1AZFCA5",
        ["AcsStatus"] = "98YYYNYN60000320240417    0830582.00AOinst|AMMain Library|BXYYYYYYYYYYYNNYYY|ANKiosk 1|AY1AZE4B9",
        ["RequestAcsResend"] = "97AZFEF5",
        ["RequestScResend"] = "96AZFEF6",
        ["PatronStatusRequest"] = "2300120240417    083058AOinst|AA2000123|AC|AD1234|AY2AZF26C",
        ["PatronStatusResponse"] = "24  Y           00120240417    083058AOinst|AA2000123|AEMüller, Jürgen|BLY|CQY|BHEUR|BV3.50|AFPlease pay your fees.|AY2AZDDBC",
        ["BlockPatron"] = "01N20240417    083058AOinst|ALCard retained by kiosk|AA2000123|AC|AY3AZEB52",
        ["Checkout"] = "11YN20240417    083058                  AOinst|AA2000123|AB3900001|AC|AD1234|BON|AY4AZEC60",
        ["CheckoutResponse"] = "121NNY20240417    083058AOinst|AA2000123|AB3900001|AJThe Hobbit|AH20240501    235959|CK001|AFChecked out.|AY4AZE267",
        ["Checkin"] = "09N20240417    08305820240417    083058APReturn slot|AOinst|AB3900001|AC|AY5AZEBB2",
        ["CheckinResponse"] = "101YNY20240417    083058AOinst|AB3900001|AQMain|AJThe Hobbit|CL2|CK001|CRFIC|CSF TOL|CTBranch 2|CV02|CY2000456|DASmith, Ann|AY5AZDA2B",
        ["PatronInformation"] = "6300120240417    083058  Y       AOinst|AA2000123|AC|AD1234|BP1|BQ5|AY6AZEE68",
        ["PatronInformationResponse"] = "64              00120240417    083058000100000002000000000000AOinst|AA2000123|AEMüller, Jürgen|BZ0010|CA0005|CB0020|BLY|CQY|BHEUR|BV0.00|CC10.00|AU3900001|AU3900002|BDMain St 1|BEj@example.org|BF555-0100|PA20271231    000000|PB19800101|PCADULT|AY6AZC01F",
        ["EndPatronSession"] = "3520240417    083058AOinst|AA2000123|AC|AD1234|AY7AZF2F5",
        ["EndPatronSessionResponse"] = "36Y20240417    083058AOinst|AA2000123|AFGoodbye.|AY7AZF16C",
        ["FeePaid"] = "3720240417    0830580400EURBV3,50|AOinst|AA2000123|AC|CGfee-17|BKpay-991|AY8AZEB47",
        ["FeePaidResponse"] = "38Y20240417    083058AOinst|AA2000123|BKack-991|AFPayment accepted.|AY8AZEAF3",
        ["ItemInformation"] = "1720240417    083058AOinst|AB3900001|AC|AY9AZF4B8",
        ["ItemInformationResponse"] = "1803020120240417    083058CF0|AH20240501    235959|AB3900001|AJThe Hobbit|BGinst|CK001|AQMain|APShelf 3|CSF TOL|AY9AZE088",
        ["ItemStatusUpdate"] = "1920240417    083058AOinst|AB3900001|AC|CHlarge print|AY0AZEF60",
        ["ItemStatusUpdateResponse"] = "20120240417    083058AB3900001|AJThe Hobbit|CHlarge print|AY0AZEE61",
        ["PatronEnable"] = "2520240417    083058AOinst|AA2000123|AC|AD1234|AY1AZF2FC",
        ["PatronEnableResponse"] = "26              00120240417    083058AOinst|AA2000123|AEMüller, Jürgen|BLY|CQY|AY1AZEA67",
        ["Hold"] = "15+20240417    083058BW20240501    235959|BSMain|BY2|AOinst|AA2000123|AD1234|AB3900001|AJThe Hobbit|AC|BON|AY2AZE237",
        ["HoldResponse"] = "161N20240417    083058BW20240501    235959|BR3|BSMain|AOinst|AA2000123|AB3900001|AJThe Hobbit|AY2AZE60E",
        ["Renew"] = "29NN20240417    083058                  AOinst|AA2000123|AD1234|AB3900001|AC|BON|AY3AZEC63",
        ["RenewResponse"] = "301YNY20240417    083058AOinst|AA2000123|AB3900001|AJThe Hobbit|AH20240501    235959|AY3AZE948",
        ["RenewAll"] = "6520240417    083058AOinst|AA2000123|AD1234|AC|BON|AY4AZF19A",
        ["RenewAllResponse"] = "6610002000120240417    083058AOinst|BM3900001|BM3900002|BN3900003|AFOne item could not be renewed.|AY4AZE36A",
    };
}
