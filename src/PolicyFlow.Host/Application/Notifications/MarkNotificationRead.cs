using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Notifications;

/// <summary>
/// Marks one of the caller's notices read (or all of them). Marking again changes nothing, and so does an id that is not
/// one of the caller's: the answer is the same for another person's notice and a missing one, so ids cannot be probed.
/// </summary>
internal sealed class MarkNotificationRead(DbFactory dbFactory, NotificationInbox inbox, TimeProvider clock)
{
    public async Task<bool> HandleAsync(Caller caller, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = dbFactory.Create();
        var mine = await inbox.MineAsync(db, caller, cancellationToken);
        var cause = await db.Notices.Where(n => n.Id == id).Select(n => n.Cause).FirstOrDefaultAsync(cancellationToken);
        if (cause is null || !await mine.AnyAsync(n => n.Cause == cause, cancellationToken))
        {
            return false;
        }
        return await MarkAsync(db, caller, [cause], cancellationToken) > 0;
    }

    /// <summary>全部已读: every unread notice of the caller; returns how many were marked.</summary>
    public async Task<int> AllAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = dbFactory.Create();
        var mine = await inbox.MineAsync(db, caller, cancellationToken);
        var causes = await mine.Where(n => !db.NoticeReads.Any(r => r.UserName == caller.UserName && r.Cause == n.Cause))
            .Select(n => n.Cause).ToListAsync(cancellationToken);
        return await MarkAsync(db, caller, causes, cancellationToken);
    }

    private async Task<int> MarkAsync(Activities.Persistence.PolicyFlowDbContext db, Caller caller, IReadOnlyList<string> causes, CancellationToken cancellationToken)
    {
        var already = await db.NoticeReads.Where(r => r.UserName == caller.UserName && causes.Contains(r.Cause)).Select(r => r.Cause).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var fresh = causes.Except(already, StringComparer.Ordinal).ToList();
        db.NoticeReads.AddRange(fresh.Select(c => new InAppNoticeRead { UserName = caller.UserName, Cause = c, ReadAt = now }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second tab marked the same notice a moment ago: it is read either way.
            return 0;
        }
        return fresh.Count;
    }
}
