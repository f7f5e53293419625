using System.Text.Json.Nodes;

namespace PolicyFlow.Engine.Runtime;

/// <summary>
/// Counts arrivals where paths meet: a fork's branches at their join (in the instance's fork frames) and a parent's
/// children at its Children wait (in the bookmark's payload). The only place either count changes.
/// </summary>
internal sealed class JoinBookkeeping(InstanceState state)
{
    /// <summary>Opens a frame for a fork of <paramref name="branches"/> paths; each path's token carries its id.</summary>
    public string OpenFork(int branches)
    {
        var frameId = $"f{state.NextFrame++}";
        state.Forks[frameId] = new ForkFrame { Live = branches };
        return frameId;
    }

    /// <summary>
    /// A path reached the join <paramref name="joinId"/>: returns the token that goes on (outside the fork) when it is the
    /// last live branch, or null when the join still waits for others. A path in no open fork goes straight through.
    /// </summary>
    public Token? Arrive(Token token, string joinId)
    {
        ArgumentNullException.ThrowIfNull(token);
        var frameId = token.InnermostFork;
        if (frameId is null || !state.Forks.TryGetValue(frameId, out var frame))
        {
            return token;
        }
        frame.Arrived++;
        frame.JoinId = joinId;
        if (frame.Arrived < frame.Live)
        {
            return null;
        }
        state.Forks.Remove(frameId);
        return token.OutOfInnermost();
    }

    /// <summary>
    /// A path ended without reaching a join: its fork waits for one branch fewer. Returns the join this releases (every other
    /// branch has arrived there) with the token that goes on from it, or null. A fork whose every branch ended so, with none
    /// at its join, ends the enclosing branch in turn.
    /// </summary>
    public ReleasedJoin? EndBranch(Token token)
    {
        ArgumentNullException.ThrowIfNull(token);
        while (token.InnermostFork is { } frameId && state.Forks.TryGetValue(frameId, out var frame))
        {
            frame.Live--;
            if (frame.Arrived > 0 && frame.Arrived >= frame.Live)
            {
                state.Forks.Remove(frameId);
                return new ReleasedJoin(frame.JoinId!, token.OutOfInnermost().At(frame.JoinId!));
            }
            if (frame.Live > 0 || frame.Arrived > 0)
            {
                return null;
            }
            state.Forks.Remove(frameId);
            token = token.OutOfInnermost();
        }
        return null;
    }

    /// <summary>The payload of a wait for <paramref name="required"/> of <paramref name="total"/> children.</summary>
    public static JsonObject ChildWait(int total, int required) => new()
    {
        ["total"] = total,
        ["required"] = required,
        ["completed"] = new JsonArray(),
    };

    /// <summary>Counts a completed child into the wait (once, however often it is reported); true when enough have completed.</summary>
    public static bool CountChild(JsonObject wait, string? childId)
    {
        ArgumentNullException.ThrowIfNull(wait);
        var completed = wait["completed"]!.AsArray();
        if (childId is not null && completed.All(c => c!.GetValue<string>() != childId))
        {
            completed.Add(childId);
        }
        return completed.Count >= wait["required"]!.GetValue<int>();
    }
}

/// <summary>A join whose last branch ended elsewhere: <see cref="Token"/> goes on from <see cref="JoinId"/>.</summary>
internal sealed record ReleasedJoin(string JoinId, Token Token);
