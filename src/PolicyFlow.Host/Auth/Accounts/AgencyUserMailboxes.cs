using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Notices;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Auth.Accounts;

/// <summary>
/// An agency's users with a confirmed address receive its mail too. Read through a one-minute cache: a burst that
/// writes hundreds of notices for one agency asks the accounts store once, and a new user is included within a minute.
/// </summary>
internal sealed class AgencyUserMailboxes(AccountsDb accounts, TimeProvider clock) : IAgencyMailboxes
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<Recipient> Users)> _cache = new();

    public IReadOnlyList<Recipient> UsersOf(string agencyId)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(agencyId, out var cached) && now - cached.At < Fresh)
        {
            return cached.Users;
        }
        using var db = accounts.Create();
        var users = db.Users.AsNoTracking()
            .Where(u => u.AgencyId == agencyId && u.EmailConfirmed && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName, u.UserName, u.LockoutEnd })
            .ToList()
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => new Recipient(u.Email!, u.DisplayName ?? u.UserName ?? u.Email!))
            .ToList();
        _cache[agencyId] = (now, users);
        return users;
    }
}
