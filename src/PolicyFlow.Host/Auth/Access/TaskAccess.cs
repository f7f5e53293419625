namespace PolicyFlow.Host.Auth.Access;

/// <summary>What a caller may do with one task.</summary>
internal enum TaskAccess
{
    None,
    Read,
    Act,
}
