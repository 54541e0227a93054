namespace Sip2.Net.Storage.Internal;

/// <summary>What a write stores, which says what a violated foreign key means for it.</summary>
internal enum WriteKind
{
    Registration,
    Group,
    Institution,
    BranchConfiguration,
    MessageOverride,
    DeleteGroup,
    DeleteInstitution,
    DeleteBranchConfiguration,
}
