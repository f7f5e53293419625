using PolicyFlow.Engine.Definitions;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Definitions;

/// <summary>发布: makes a definition's draft the version new instances run; unchanged JSON publishes nothing new.</summary>
internal sealed class PublishDefinition(UseCaseAudit audit, DefinitionService definitions)
{
    public const string Operation = Capabilities.DefinitionPublish;

    /// <summary>Publishes the saved draft of <paramref name="definitionId"/> (the API).</summary>
    public Task<WorkflowDefinitionVersion> HandleAsync(Caller caller, string definitionId, CancellationToken cancellationToken = default) =>
        audit.RunAsync(caller, Capabilities.DefinitionPublish, Operation, SaveDefinitionDraft.Subject(definitionId),
            () => definitions.PublishAsync(definitionId, caller.UserName, cancellationToken), cancellationToken);

    /// <summary>Saves <paramref name="json"/> and publishes it as the next version (the designer's 发布).</summary>
    public Task<WorkflowDefinitionVersion> SaveAndPublishAsync(Caller caller, string json, CancellationToken cancellationToken = default) =>
        audit.RunAsync(caller, Capabilities.DefinitionPublish, Operation, SaveDefinitionDraft.Subject(SaveDefinitionDraft.IdIn(json)),
            () => definitions.SaveAndPublishAsync(json, caller.UserName, cancellationToken), cancellationToken);
}
