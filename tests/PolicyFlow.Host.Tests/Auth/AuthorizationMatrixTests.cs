using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth.Access;

namespace PolicyFlow.Host.Tests.Auth;

/// <summary>
/// Every <c>/api</c> endpoint the running app has × every role (and anonymous) × our task / a foreign task, each answered
/// with the status its rule gives. The expectations below are written from the rules' meaning, not computed by the code
/// under test; an endpoint without a rule fails the first test by name.
/// </summary>
[Collection(AuthCollection.Name)]
public sealed class AuthorizationMatrixTests(AuthApp app)
{
    /// <summary>Who calls: user name (null = anonymous) and what they are.</summary>
    private static readonly (string? User, string Kind)[] Callers =
    [
        (null, "anonymous"), ("admin", "admin"), ("policy-office", "office"), ("leader", "leader"),
        ("jx-330102", "staff"), ("jx-330100", "staff"), ("jx-330000", "staff"), ("rlsb-330000", "staff"), ("kj-330000", "staff"),
    ];

    /// <summary>Our task is jx-330102's; its city (jx-330100), its provincial line (jx-330000) and its measure's lead (rlsb-330000) read it.</summary>
    private static readonly HashSet<string> OwnTaskReaders = ["jx-330102", "jx-330100", "jx-330000", "rlsb-330000"];

    private static readonly HashSet<string> OwnTaskActors = ["jx-330102"];

    private const string OwnMeasureLead = "rlsb-330000";

    private static readonly Dictionary<string, string[]> RoleOf = new()
    {
        ["admin"] = ["Administrator"], ["policy-office"] = ["PolicyOffice"], ["leader"] = ["Leadership"],
    };

    [Fact]
    public void EveryApiEndpoint_HasAnAccessRule_AndEveryRuleAnEndpoint()
    {
        var endpoints = ApiEndpoints().Select(e => AccessRules.Key(e.Method, e.Pattern)).ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} API endpoints found");
        var missing = endpoints.Where(k => !AccessRules.Table.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "API endpoints without an access rule (add them to Auth/Access/AccessRules.cs):\n" + string.Join('\n', missing));
        var stale = AccessRules.Table.Keys.Except(endpoints).ToList();
        Assert.True(stale.Count == 0, "Access rules naming no endpoint:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void EveryUseCase_AuditsItself_AndIsGuardedByAnAccessRuleOrTheTaskRules()
    {
        // A use case is a class of Application/ with an Operation: what its audit entries are called.
        var useCases = typeof(PolicyFlow.Host.Application.UseCaseAudit).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("PolicyFlow.Host.Application", StringComparison.Ordinal) == true)
            .Select(t => (Type: t, Operation: t.GetField("Operation", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(u => u.Operation is not null).ToList();
        Assert.True(useCases.Count >= 15, $"only {useCases.Count} use cases found");
        var guarded = AccessRules.Table.Values.Select(r => r.Operation).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (type, operation) in useCases)
        {
            var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).ToList();
            Type[] auditors = [typeof(PolicyFlow.Host.Application.UseCaseAudit), typeof(PolicyFlow.Host.Application.Tasks.TaskGate),
                typeof(PolicyFlow.Host.Application.Users.UserAdminGate)];
            if (!parameters.Any(auditors.Contains))
            {
                problems.Add($"{type.Name} ({operation}) writes no audit entry: take UseCaseAudit, TaskGate or UserAdminGate");
            }
            // Task actions are guarded per task (Visibility through TaskGate); everything else by the rule of the endpoint it adapts.
            var taskRule = operation!.StartsWith("task.", StringComparison.Ordinal) || operation.StartsWith("extension.", StringComparison.Ordinal);
            if (!taskRule && !guarded.Contains(operation))
            {
                problems.Add($"{type.Name} ({operation}) is named by no access rule: add .AuditedAs(\"{operation}\", …) to its endpoint's rule in AccessRules.cs");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.All(guarded, o => Assert.Contains(o, useCases.Select(u => u.Operation)));
    }

    [Fact]
    public async Task EveryEndpoint_ForEveryRoleOnOwnAndForeignResources_AnswersWithTheStatusItsRuleGives()
    {
        var failures = new List<string>();
        var calls = 0;
        foreach (var (method, pattern) in ApiEndpoints())
        {
            var rule = AccessRules.Table[AccessRules.Key(method, pattern)];
            var variants = rule.Resource == ResourceCheck.None ? new[] { false } : [false, true];
            foreach (var foreign in variants)
            {
                foreach (var (user, kind) in Callers)
                {
                    var path = await PathAsync(pattern, foreign, user);
                    using var client = await app.ClientAsync(user);
                    using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                    var status = (int)response.StatusCode;
                    var expected = Expected(rule, user, kind, foreign);
                    calls++;
                    var ok = expected == 0 ? status is not (401 or 403 or 404) and < 500 : status == expected;
                    if (!ok)
                    {
                        failures.Add($"{method} {path} [{rule.Name}] as {user ?? "anonymous"} ({(foreign ? "foreign" : "own")}): " +
                            $"{status}, expected {(expected == 0 ? "allowed (not 401/403/404/5xx)" : expected)} — {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls broke their rule:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task StudioUsersPage_ForEveryRole_ListsUsersForAdministratorsOnly()
    {
        var failures = new List<string>();
        foreach (var (user, _) in Callers)
        {
            using var client = await app.ClientAsync(user);
            using var response = await client.GetAsync("/users");
            var html = await response.Content.ReadAsStringAsync();
            var lists = html.Contains("data-testid=\"users\"", StringComparison.Ordinal) && html.Contains(AuthApp.MatrixTarget, StringComparison.Ordinal);
            var refused = user is null
                ? response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true
                : response.StatusCode == System.Net.HttpStatusCode.OK && html.Contains("data-testid=\"no-access\"", StringComparison.Ordinal) && !lists;
            if (user == "admin" ? !lists : !refused)
            {
                failures.Add($"/users as {user ?? "anonymous"}: {(int)response.StatusCode}, {(user == "admin" ? "expected the user list" : "expected a refusal")}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>0 = allowed; otherwise the refusal the rule must give.</summary>
    private static int Expected(AccessRule rule, string? user, string kind, bool foreign)
    {
        if (rule.Anonymous)
        {
            return 0;
        }
        if (user is null)
        {
            return 401;
        }
        if (rule.Roles is { } roles)
        {
            return RoleOf.TryGetValue(user, out var has) && has.Intersect(roles).Any() ? 0 : 403;
        }
        var readsAll = kind is "admin" or "leader" or "office";
        var reads = readsAll || (!foreign && OwnTaskReaders.Contains(user));
        return rule.Resource switch
        {
            ResourceCheck.None => 0,
            ResourceCheck.TaskRead or ResourceCheck.InstanceRead => reads ? 0 : 404,
            ResourceCheck.TaskAct when kind == "admin" => 0,
            ResourceCheck.TaskAct => !reads ? 404 : !foreign && OwnTaskActors.Contains(user) ? 0 : 403,
            ResourceCheck.TaskSupervise when readsAll => 0,
            ResourceCheck.TaskSupervise => !reads ? 404 : !foreign && user == OwnMeasureLead ? 0 : 403,
            // A county's account (上城区) has no matrix: it covers the province or a city.
            ResourceCheck.ReportMatrix => user == "jx-330102" ? 403 : 0,
            _ => throw new InvalidOperationException($"No expectation for {rule.Resource}"),
        };
    }

    private async Task<string> PathAsync(string pattern, bool foreign, string? user)
    {
        var path = pattern;
        foreach (var segment in pattern.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment.Trim('{', '}').Split(':')[0];
            var value = (pattern, name) switch
            {
                (_, "id") when pattern.StartsWith("/api/tasks/", StringComparison.Ordinal) => (foreign ? app.ForeignTask : app.OwnTask).ToString(),
                (_, "requestId") => Guid.NewGuid().ToString(),
                // An account of its own, so the matrix's lock and token revocation touch no caller.
                (_, "userName") => AuthApp.MatrixTarget,
                (_, "name") when pattern.StartsWith("/api/tasks/views/", StringComparison.Ordinal) => "matrix-view",
                (_, "id") when pattern.StartsWith("/api/notifications/", StringComparison.Ordinal) => "1",
                (_, "attachmentId") => (foreign ? app.ForeignAttachment : app.OwnAttachment).ToString(),
                (_, "id") when pattern.StartsWith("/api/workflow-instances/", StringComparison.Ordinal) => (foreign ? app.ForeignInstance : app.OwnInstance).ToString(),
                (_, "id") when pattern.StartsWith("/api/workflow-definitions/", StringComparison.Ordinal) => "auth-own",
                (_, "id") when pattern.StartsWith("/api/policies/", StringComparison.Ordinal) => "p2024-151-d27fde",
                (_, "id") when pattern.StartsWith("/api/agencies/", StringComparison.Ordinal) => "jx-330102",
                (_, "id") when pattern.StartsWith("/api/users/me/tokens/", StringComparison.Ordinal) =>
                    user is null ? Guid.NewGuid().ToString() : (await app.SpareTokenAsync(user)).ToString(),
                _ => throw new InvalidOperationException($"The matrix has no sample value for {{{name}}} in {pattern}: add one to PathAsync."),
            };
            path = path.Replace(segment, value, StringComparison.Ordinal);
        }
        return path;
    }

    private List<(string Method, string Pattern)> ApiEndpoints() =>
    [
        .. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal),
    ];
}
