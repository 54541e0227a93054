#if NET5_0_OR_GREATER
using System.Runtime.CompilerServices;

// The netstandard2.0 build defines System.Runtime.CompilerServices.IsExternalInit itself (the runtime has none there),
// and every init-only setter's signature names it. A library compiled against that build and run on net8.0 or later
// loads this build instead: forwarding the type to the runtime's own makes those setter signatures match here, so
// its object initializers and `with` expressions keep working (tests/Sip2.Net.Tests/Compatibility).
[assembly: TypeForwardedTo(typeof(IsExternalInit))]
#endif
