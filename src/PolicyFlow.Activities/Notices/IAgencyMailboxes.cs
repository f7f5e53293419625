using PolicyFlow.Activities.Notifications;

namespace PolicyFlow.Activities.Notices;

/// <summary>The people of an agency who receive its mail besides its contact address (its users, from the accounts store).</summary>
public interface IAgencyMailboxes
{
    IReadOnlyList<Recipient> UsersOf(string agencyId);
}
