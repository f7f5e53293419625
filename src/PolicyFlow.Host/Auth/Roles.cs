namespace PolicyFlow.Host.Auth;

/// <summary>The four roles. A user's agency matters only for <see cref="AgencyStaff"/>: the other roles act across agencies.</summary>
internal static class Roles
{
    public const string Administrator = "Administrator";
    public const string PolicyOffice = "PolicyOffice";
    public const string AgencyStaff = "AgencyStaff";
    public const string Leadership = "Leadership";

    public static IReadOnlyList<string> All { get; } = [Administrator, PolicyOffice, AgencyStaff, Leadership];
}
