using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Postponements;

/// <summary>
/// Deciding an extension request (延期审批). The measure's lead agency decides its co-agencies' and counterparts' requests;
/// when the task is the lead agency's own, the policy office or leadership decides, so no agency extends its own
/// deadline; nobody decides a request they made. Administrators may decide as operators (audited), never their own.
/// </summary>
internal sealed class DecideExtension(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, ExtensionService extensions, UseCaseAudit audit)
{
    public const string Operation = "extension.decide";

    internal sealed record Request(Guid TaskId, Guid RequestId, bool Approve, string? Comment);

    public async Task<ExtensionRequest> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        TextBounds.Check(request.Comment, "comment");
        string? refusal;
        await using (var db = dbFactory.Create())
        {
            var asked = await db.Extensions.AsNoTracking().Where(e => e.Id == request.RequestId && e.TaskId == request.TaskId)
                .Select(e => new { e.RequestedBy, e.InstanceId }).FirstOrDefaultAsync(cancellationToken)
                ?? throw EngineException.NotFound($"Task {request.TaskId} has no extension request {request.RequestId}.");
            var assignee = await db.Tasks.AsNoTracking().Where(t => t.Id == request.TaskId).Select(t => t.Assignee).FirstAsync(cancellationToken);
            var lead = await new Visibility(db, catalog, regions).LeadAgencyAsync(asked.InstanceId, cancellationToken);
            refusal = Refusal(caller, asked.RequestedBy, assignee, lead);
        }
        if (refusal is not null)
        {
            await audit.WriteAsync(caller, Operation, TaskGate.Subject(request.TaskId), StatusCodes.Status403Forbidden, cancellationToken, refused: true);
            throw new AccessDeniedException(refusal);
        }
        try
        {
            var decided = await extensions.DecideAsync(request.RequestId, request.Approve, request.Comment, caller.UserName, cancellationToken);
            await audit.WriteAsync(caller, Operation, TaskGate.Subject(request.TaskId), StatusCodes.Status200OK, cancellationToken);
            return decided;
        }
        catch (ExtensionRefusedException ex)
        {
            await audit.WriteAsync(caller, Operation, TaskGate.Subject(request.TaskId), StatusCodes.Status403Forbidden, cancellationToken, refused: true);
            throw new AccessDeniedException(ex.Message);
        }
        catch (EngineException ex)
        {
            var status = ex.Error switch { EngineError.NotFound => 404, EngineError.Conflict => 409, _ => 400 };
            await audit.WriteAsync(caller, Operation, TaskGate.Subject(request.TaskId), status, cancellationToken, refused: true);
            throw;
        }
    }

    /// <summary>Why <paramref name="caller"/> may not decide, or null when they may.</summary>
    internal static string? Refusal(Caller caller, string requestedBy, string assignee, string? lead)
    {
        if (string.Equals(caller.UserName, requestedBy, StringComparison.Ordinal))
        {
            return "不能审批本人提出的延期申请，请由牵头单位或政策办、领导审批。 You cannot decide your own extension request.";
        }
        if (caller.Is(Roles.Administrator))
        {
            return null;
        }
        var supervisor = caller.Is(Roles.PolicyOffice) || caller.Is(Roles.Leadership);
        if (string.Equals(assignee, lead, StringComparison.Ordinal))
        {
            return supervisor ? null
                : "这是牵头单位自身的任务，其延期由政策办或领导审批。 This task is the lead agency's own: the policy office or leadership decides its extension.";
        }
        return caller.Is(Roles.AgencyStaff) && string.Equals(caller.AgencyId, lead, StringComparison.Ordinal) ? null
            : "延期申请由本措施的牵头单位审批。 The measure's lead agency decides this extension request.";
    }
}
