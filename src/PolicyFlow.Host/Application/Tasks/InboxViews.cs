using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// 常用筛选: each user's saved inbox views, on the server — list, save (a name again replaces its filter), delete. The same
/// use case for <c>/api/tasks/views</c> and the Studio's inbox. A view keeps the filter, not the page it was on.
/// </summary>
internal sealed class InboxViews(DbFactory dbFactory, TimeProvider clock)
{
    public const int MaxViews = 50;
    public const int MaxName = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<SavedInboxView>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = dbFactory.Create();
        var rows = await db.InboxViews.AsNoTracking().Where(v => v.UserName == caller.UserName).OrderBy(v => v.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(v => new SavedInboxView(v.Name, JsonSerializer.Deserialize<InboxFilter>(v.FilterJson, Json) ?? new InboxFilter(), v.SavedAt))];
    }

    public async Task<SavedInboxView> SaveAsync(Caller caller, string? name, InboxFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxName)
        {
            throw EngineException.Invalid($"视图名称须为 1 到 {MaxName} 个字。 A view needs a name of 1 to {MaxName} characters.");
        }
        var kept = filter with { Skip = 0 };
        await using var db = dbFactory.Create();
        var row = await db.InboxViews.FirstOrDefaultAsync(v => v.UserName == caller.UserName && v.Name == trimmed, cancellationToken);
        if (row is null)
        {
            if (await db.InboxViews.CountAsync(v => v.UserName == caller.UserName, cancellationToken) >= MaxViews)
            {
                throw EngineException.Conflict($"最多保存 {MaxViews} 个视图。 A user keeps at most {MaxViews} views; delete one first.");
            }
            row = new InboxView { Id = Guid.NewGuid(), UserName = caller.UserName, Name = trimmed, FilterJson = "" };
            db.InboxViews.Add(row);
        }
        row.FilterJson = JsonSerializer.Serialize(kept, Json);
        row.SavedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new SavedInboxView(row.Name, kept, row.SavedAt);
    }

    /// <summary>Deletes the caller's view of that name; false when there is none (a repeat changes nothing).</summary>
    public async Task<bool> DeleteAsync(Caller caller, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = dbFactory.Create();
        return await db.InboxViews.Where(v => v.UserName == caller.UserName && v.Name == name).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}

/// <summary>A saved view: its name, its filter and when it was saved.</summary>
public sealed record SavedInboxView(string Name, InboxFilter Filter, DateTimeOffset SavedAt);
