using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Tests.Runtime;

public sealed class JoinBookkeepingTests
{
    [Fact]
    public void WhenEveryBranchArrives_OnlyTheLastGoesOn_OutsideTheFork()
    {
        var state = new InstanceState();
        var joins = new JoinBookkeeping(state);
        var frame = joins.OpenFork(3);
        var branch = new Token("a", []).Inside(frame);

        Assert.Null(joins.Arrive(branch.At("join"), "join"));
        Assert.Null(joins.Arrive(branch.At("join"), "join"));
        var next = joins.Arrive(branch.At("join"), "join");

        AssertAt("join", [], next);
        Assert.Empty(state.Forks);
    }

    [Fact]
    public void APathInNoFork_GoesStraightThroughAJoin()
    {
        var joins = new JoinBookkeeping(new InstanceState());
        var token = new Token("join", []);

        Assert.Same(token, joins.Arrive(token, "join"));
    }

    [Fact]
    public void ABranchThatEndsBeforeTheOthersArrive_IsNotWaitedFor()
    {
        var state = new InstanceState();
        var joins = new JoinBookkeeping(state);
        var frame = joins.OpenFork(2);

        Assert.Null(joins.EndBranch(new Token("b", [frame])));
        Assert.Equal(1, state.Forks[frame].Live);
        AssertAt("join", [], joins.Arrive(new Token("join", [frame]), "join"));
    }

    [Fact]
    public void TheLastBranchEndingElsewhere_ReleasesTheJoinTheOthersWaitAt()
    {
        var state = new InstanceState();
        var joins = new JoinBookkeeping(state);
        var frame = joins.OpenFork(3);
        Assert.Null(joins.Arrive(new Token("join", [frame]), "join"));
        Assert.Null(joins.EndBranch(new Token("b", [frame])));

        var released = joins.EndBranch(new Token("c", [frame]));

        Assert.Equal("join", released!.JoinId);
        AssertAt("join", [], released.Token);
        Assert.Empty(state.Forks);
    }

    [Fact]
    public void ANestedForkWhoseBranchesAllEndElsewhere_EndsItsEnclosingBranch()
    {
        var state = new InstanceState();
        var joins = new JoinBookkeeping(state);
        var outer = joins.OpenFork(2);
        var inner = joins.OpenFork(2);
        Assert.NotEqual(outer, inner);

        Assert.Null(joins.EndBranch(new Token("x", [outer, inner])));
        Assert.Null(joins.EndBranch(new Token("y", [outer, inner])));

        Assert.False(state.Forks.ContainsKey(inner));
        Assert.Equal(1, state.Forks[outer].Live);
        AssertAt("join", ["f-before"], joins.Arrive(new Token("join", ["f-before", outer]), "join"));
    }

    [Fact]
    public void ANestedJoin_ClosesOnlyItsOwnFork()
    {
        var state = new InstanceState();
        var joins = new JoinBookkeeping(state);
        var outer = joins.OpenFork(2);
        var inner = joins.OpenFork(2);

        Assert.Null(joins.Arrive(new Token("inner-join", [outer, inner]), "inner-join"));
        var out1 = joins.Arrive(new Token("inner-join", [outer, inner]), "inner-join");

        AssertAt("inner-join", [outer], out1);
        Assert.Equal(0, state.Forks[outer].Arrived);
        Assert.Null(joins.Arrive(out1!.At("outer-join"), "outer-join"));
        AssertAt("outer-join", [], joins.Arrive(new Token("outer-join", [outer]), "outer-join"));
    }

    [Fact]
    public void AChildReportedTwice_IsCountedOnce()
    {
        var wait = JoinBookkeeping.ChildWait(total: 2, required: 2);

        Assert.False(JoinBookkeeping.CountChild(wait, "c1"));
        Assert.False(JoinBookkeeping.CountChild(wait, "c1"));
        Assert.Single(wait["completed"]!.AsArray());
        Assert.True(JoinBookkeeping.CountChild(wait, "c2"));
    }

    [Fact]
    public void ChildrenCompletingAllAtOnce_CompleteTheWaitAtTheLastOfThem()
    {
        var wait = JoinBookkeeping.ChildWait(total: 12, required: 12);
        var reports = Enumerable.Range(1, 12).SelectMany(i => new[] { $"c{i}", $"c{13 - i}" }).ToList();

        var done = reports.Select(child => JoinBookkeeping.CountChild(wait, child)).ToList();

        // c1,c12,c2,c11,…: the twelfth distinct child is the 12th report; every report before it leaves the wait open.
        Assert.All(done.Take(11), d => Assert.False(d));
        Assert.True(done[11]);
        Assert.Equal(12, wait["completed"]!.AsArray().Count);
    }

    [Fact]
    public void AWaitForSomeOfTheChildren_IsDoneWhenThatManyHaveCompleted()
    {
        var wait = JoinBookkeeping.ChildWait(total: 3, required: 2);

        Assert.False(JoinBookkeeping.CountChild(wait, "c1"));
        Assert.True(JoinBookkeeping.CountChild(wait, "c3"));
    }

    [Fact]
    public void AResumeThatNamesNoChild_CountsNothing()
    {
        var wait = JoinBookkeeping.ChildWait(total: 1, required: 1);

        Assert.False(JoinBookkeeping.CountChild(wait, null));
        Assert.Empty(wait["completed"]!.AsArray());
    }

    private static void AssertAt(string activityId, string[] forks, Token? token)
    {
        Assert.NotNull(token);
        Assert.Equal(activityId, token.ActivityId);
        Assert.Equal(forks, token.Forks);
    }
}
