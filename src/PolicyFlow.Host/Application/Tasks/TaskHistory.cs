using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// The story of an agency's step in plain language: every round of it (a return for rework assigns the step again),
/// the lead's reviews of it, extensions, urges and evidence — who did what, when. Read from the typed tables; only a
/// progress report's earlier notes live in the journal alone.
/// </summary>
internal sealed class TaskHistory(PolicyFlowDbContext db, AccountsDbContext accounts, AgencyCatalog catalog)
{
    private sealed record ProgressData(string? Note, int? Percent);

    public async Task<IReadOnlyList<HistoryLine>> ForAsync(WorkTask task, TaskFacts? facts, CancellationToken cancellationToken)
    {
        var rounds = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == task.InstanceId && t.ActivityId == task.ActivityId && t.Assignee == task.Assignee && t.CreatedAt <= task.CreatedAt)
            .ToListAsync(cancellationToken);
        var ids = rounds.Select(t => t.Id).ToList();
        var first = rounds.Min(t => t.CreatedAt);
        // The reviews of a reported step: the lead's of a co-agency or a city, the city's of one of its counties.
        var reviews = facts?.Step is StepNames.CoAgency or StepNames.County or StepNames.City
            ? await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == task.InstanceId && t.CompletedAt != null && t.CompletedAt >= first && t.Status == WorkTaskStatus.Completed
                    && db.TaskFacts.Any(f => f.TaskId == t.Id && f.Step == StepNames.Review))
                .ToListAsync(cancellationToken)
            : [];
        var journal = await db.Journal.AsNoTracking()
            .Where(j => j.TaskId != null && ids.Contains(j.TaskId.Value) && (j.Kind == JournalKinds.TaskCreated || j.Kind == JournalKinds.TaskProgress))
            .OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var extensions = await db.Extensions.AsNoTracking().Where(e => ids.Contains(e.TaskId)).ToListAsync(cancellationToken);
        var urges = await db.Urges.AsNoTracking().Where(u => ids.Contains(u.TaskId)).ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.TaskId))
            .Select(a => new { a.UploadedAt, a.UploadedBy, a.FileName }).ToListAsync(cancellationToken);

        var lines = new List<HistoryLine>();
        foreach (var entry in journal)
        {
            lines.Add(entry.Kind == JournalKinds.TaskCreated
                ? new HistoryLine(entry.At, HistoryKinds.Assigned, entry.Actor)
                : JsonSerializer.Deserialize<ProgressData>(entry.DataJson, JsonSerializerOptions.Web) is { } p
                    ? new HistoryLine(entry.At, HistoryKinds.Progress, entry.Actor, p.Percent, p.Note)
                    : new HistoryLine(entry.At, HistoryKinds.Progress, entry.Actor));
        }
        foreach (var round in rounds)
        {
            if (round.ClaimedAt is { } claimed)
            {
                lines.Add(new HistoryLine(claimed, HistoryKinds.Claimed, round.ClaimedBy ?? ""));
            }
            if (round.CompletedAt is { } done)
            {
                lines.Add(round.Status == WorkTaskStatus.Cancelled
                    ? new HistoryLine(done, HistoryKinds.Cancelled, round.CompletedBy ?? "")
                    : new HistoryLine(done, OutcomeKind(round.Outcome), round.CompletedBy ?? "", Text: round.Comment));
            }
        }
        lines.AddRange(reviews.Select(r => new HistoryLine(r.CompletedAt!.Value, OutcomeKind(r.Outcome), r.CompletedBy ?? "", Text: r.Comment)));
        foreach (var e in extensions)
        {
            lines.Add(new HistoryLine(e.RequestedAt, HistoryKinds.ExtensionRequested, e.RequestedBy, Text: e.Reason, Day: DueDay.Of(e.RequestedDueAt)));
            if (e.DecidedAt is { } decided)
            {
                lines.Add(new HistoryLine(decided, e.Status == ExtensionStatus.Approved ? HistoryKinds.ExtensionApproved : HistoryKinds.ExtensionRejected,
                    e.DecidedBy ?? "", Text: e.DecisionComment, Day: DueDay.Of(e.RequestedDueAt)));
            }
        }
        lines.AddRange(urges.Select(u => new HistoryLine(u.At, HistoryKinds.Urged, u.By, Text: u.Message)));
        lines.AddRange(attachments.Select(a => new HistoryLine(a.UploadedAt, HistoryKinds.Attached, a.UploadedBy, Text: a.FileName)));
        var people = await PeopleAsync(lines.Select(l => l.By), cancellationToken);
        return [.. lines.OrderBy(l => l.At).ThenBy(l => HistoryKinds.Order(l.Kind))
            .Select(l => l with { By = people.GetValueOrDefault(l.By, l.By) })];
    }

    private static string OutcomeKind(string? outcome) => outcome switch
    {
        TaskOutcomes.Return => HistoryKinds.Returned,
        TaskOutcomes.Accept => HistoryKinds.Accepted,
        _ => HistoryKinds.Submitted,
    };

    /// <summary>User names as people read them: 显示名（单位）; the engine's own actor stays <c>system</c> for the page to name.</summary>
    public async Task<Dictionary<string, string>> PeopleAsync(IEnumerable<string> userNames, CancellationToken cancellationToken)
    {
        var names = userNames.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var users = await accounts.Users.AsNoTracking().Where(u => u.UserName != null && names.Contains(u.UserName))
            .Select(u => new { u.UserName, u.DisplayName, u.AgencyId }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.UserName!, u =>
        {
            var agency = catalog.Find(u.AgencyId)?.Name;
            var person = string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName;
            return agency is null || agency == person ? person : $"{person}（{agency}）";
        }, StringComparer.Ordinal);
    }
}
