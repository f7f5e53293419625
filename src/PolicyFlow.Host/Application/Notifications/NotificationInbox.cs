using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Notifications;

/// <summary>
/// 站内通知: every notice emailed to the caller or to their agency, newest first, read or unread — the same list for
/// <c>GET /api/notifications</c> and the Studio. A notice sent to the agency's mailbox and to the person is listed once.
/// </summary>
internal sealed class NotificationInbox(DbFactory dbFactory, AccountsDb accounts)
{
    public const int MaxPageSize = 100;

    public sealed record Request(bool UnreadOnly = false, int Skip = 0, int Take = 20);

    public async Task<NotificationPage> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = dbFactory.Create();
        var mine = await MineAsync(db, caller, cancellationToken);
        var reads = db.NoticeReads.Where(r => r.UserName == caller.UserName);
        var unread = mine.Where(n => !reads.Any(r => r.Cause == n.Cause));
        var list = request.UnreadOnly ? unread : mine;
        var total = await list.CountAsync(cancellationToken);
        var unreadCount = request.UnreadOnly ? total : await unread.CountAsync(cancellationToken);
        var page = await list.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, request.Skip)).Take(Math.Clamp(request.Take, 1, MaxPageSize))
            .Select(n => new NotificationView(n.Id, n.Kind, n.Subject, n.Text, n.TaskId, n.InstanceId, n.CreatedAt, reads.Any(r => r.Cause == n.Cause)))
            .ToListAsync(cancellationToken);
        return new NotificationPage(total, unreadCount, page);
    }

    /// <summary>The unread count alone, for the navigation's badge.</summary>
    public async Task<int> UnreadCountAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = dbFactory.Create();
        var mine = await MineAsync(db, caller, cancellationToken);
        return await mine.CountAsync(n => !db.NoticeReads.Any(r => r.UserName == caller.UserName && r.Cause == n.Cause), cancellationToken);
    }

    /// <summary>The caller's notices, one row per cause (the first written), in the database.</summary>
    internal async Task<IQueryable<InAppNotice>> MineAsync(PolicyFlowDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var email = await EmailOfAsync(caller, cancellationToken);
        var agency = caller.AgencyId;
        var addressed = db.Notices.Where(n => (email != null && n.To == email) || (agency != "" && n.AgencyId == agency));
        var first = addressed.GroupBy(n => n.Cause).Select(g => g.Min(n => n.Id));
        return addressed.Where(n => first.Contains(n.Id));
    }

    private async Task<string?> EmailOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated)
        {
            return null;
        }
        await using var db = accounts.Create();
        var email = await db.Users.AsNoTracking().Where(u => u.UserName == caller.UserName).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
    }
}

/// <summary>One page of the caller's notices, with the total and the unread count.</summary>
public sealed record NotificationPage(int Total, int Unread, IReadOnlyList<NotificationView> Items);

/// <summary>A notice as the Studio lists it: kind, subject, the text of the email, the task it is about, and whether it was read.</summary>
public sealed record NotificationView(long Id, string Kind, string Subject, string Text, Guid? TaskId, Guid? InstanceId, DateTimeOffset CreatedAt, bool Read);
