namespace PolicyFlow.Host.Auth.Access;

/// <summary>What an endpoint's <c>{id}</c> names and what the caller must be allowed to do with it.</summary>
internal enum ResourceCheck
{
    None,

    /// <summary>The task <c>{id}</c> must be visible to the caller (else 404, so its existence does not leak).</summary>
    TaskRead,

    /// <summary>The caller must act for the task's assignee (403 when they may only read it, 404 when not even that).</summary>
    TaskAct,

    /// <summary>The caller supervises the task: reads everything (leadership, policy office, administrators) or leads its measure (催办, extension decisions; 403 / 404 as above).</summary>
    TaskSupervise,

    /// <summary>No <c>{id}</c>: the caller's report scope covers the province or a city, not only a county (督办总览; 403 otherwise).</summary>
    ReportMatrix,

    /// <summary>The workflow instance <c>{id}</c> must be visible to the caller (else 404).</summary>
    InstanceRead,
}
