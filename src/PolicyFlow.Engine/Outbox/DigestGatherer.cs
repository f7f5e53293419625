using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Engine.Outbox;

/// <summary>
/// Replaces one recipient's reminders of one day with a single digest. A recipient's reminders are gathered as soon as
/// one of them is due (the writer holds each for <see cref="OutboxOptions.DigestWindow"/>), together with every other
/// untried reminder written for that recipient on the same day; a lone reminder is sent as it is.
/// </summary>
internal sealed class DigestGatherer(IEngineDbFactory dbFactory, IDigestComposer composer, OutboxOptions options, TimeProvider clock)
{
    public const string DigestKind = "Digest";
    private const int RecipientsPerPass = 200;
    private const int DedupKeyLength = 300;

    /// <summary>Writes the digests due now; returns how many.</summary>
    public async Task<int> GatherAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<string> recipients;
        await using (var db = dbFactory.Create())
        {
            recipients = await Held(db).Where(m => m.NextAttemptAt <= now).Select(m => m.To).Distinct()
                .OrderBy(to => to).Take(RecipientsPerPass).ToListAsync(cancellationToken);
        }
        var written = 0;
        foreach (var to in recipients)
        {
            written += await GatherRecipientAsync(to, now, cancellationToken);
        }
        return written;
    }

    private IQueryable<OutboxMessage> Held(EngineDbContext db)
    {
        var kind = options.DigestKind;
        return db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.Kind == kind && m.Attempts == 0);
    }

    private async Task<int> GatherRecipientAsync(string to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<OutboxMessage> held;
        await using (var db = dbFactory.Create())
        {
            held = await Held(db).AsNoTracking().Where(m => m.To == to).ToListAsync(cancellationToken);
        }
        var written = 0;
        var days = held.OrderBy(m => m.CreatedAt).ThenBy(m => m.Subject, StringComparer.Ordinal)
            .GroupBy(m => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.CreatedAt, options.DigestTimeZone).DateTime));
        foreach (var day in days)
        {
            var reminders = day.ToList();
            if (reminders.Count > 1 && reminders.Any(m => m.NextAttemptAt <= now) && await TryWriteAsync(to, day.Key, reminders, now, cancellationToken))
            {
                written++;
            }
        }
        return written;
    }

    private async Task<bool> TryWriteAsync(string to, DateOnly day, List<OutboxMessage> reminders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DigestContent content;
        try
        {
            content = composer.Compose(to, reminders.Select(m => m.ToName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)), day, reminders);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken digest template must not hold reminders back: left alone, they go out one by one.
            return false;
        }
        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = reminders.Select(m => m.Id).ToList();
        var kind = options.DigestKind;
        // The conditional update is the claim: if another dispatcher digested or tried any of them, this digest is not written.
        var marked = await db.Outbox
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.Kind == kind && m.Attempts == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Digested), cancellationToken);
        if (marked != ids.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var key = await FreeKeyAsync(db, to, day, cancellationToken);
        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            MessageId = MessageIds.Create(DigestKind, key, options.MessageIdDomain),
            DedupKey = key,
            Kind = DigestKind,
            To = to,
            ToName = reminders.Select(m => m.ToName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
            Subject = content.Subject,
            TextBody = content.TextBody,
            HtmlBody = content.HtmlBody,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another dispatcher took the same digest key a moment ago; the reminders stay pending for the next pass.
            return false;
        }
    }

    /// <summary><c>digest:{to}:{yyyy-MM-dd}</c>; a second digest the same day (reminders written later) gets <c>:2</c>, and so on.</summary>
    private static async Task<string> FreeKeyAsync(EngineDbContext db, string to, DateOnly day, CancellationToken cancellationToken)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var key = $"digest:{to}:{date}";
        if (key.Length > DedupKeyLength - 10)
        {
            key = $"digest:{MessageIds.Hash(to)}:{date}";
        }
        var prefix = key + ":";
        var taken = (await db.Outbox.Where(m => m.DedupKey == key || m.DedupKey.StartsWith(prefix)).Select(m => m.DedupKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(key))
        {
            return key;
        }
        var n = 2;
        while (taken.Contains(string.Create(CultureInfo.InvariantCulture, $"{key}:{n}")))
        {
            n++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{key}:{n}");
    }
}
