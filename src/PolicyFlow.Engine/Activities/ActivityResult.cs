using System.Text.Json.Nodes;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Activities;

/// <summary>How an activity ended this step: with outcomes to follow, or waiting on bookmarks.</summary>
public sealed record ActivityResult
{
    private ActivityResult() { }

    public IReadOnlyList<string> Outcomes { get; private init; } = [];
    public BookmarkRequest? Bookmark { get; private init; }
    public bool EndsInstance { get; private init; }

    /// <summary>The path was absorbed (a join still waiting for its other branches).</summary>
    public bool Merged { get; private init; }

    public bool IsWaiting => Bookmark is not null;

    public static ActivityResult Done(params string[] outcomes) => new() { Outcomes = outcomes };

    public static ActivityResult Wait(BookmarkKind kind, string? key = null, JsonObject? payload = null) =>
        new() { Bookmark = new BookmarkRequest(kind, key, payload) };

    public static ActivityResult End() => new() { EndsInstance = true };

    public static ActivityResult Absorbed() => new() { Merged = true };
}

/// <summary>A bookmark an activity asks for: the kind of stimulus it waits for.</summary>
public sealed record BookmarkRequest(BookmarkKind Kind, string? Key, JsonObject? Payload);
