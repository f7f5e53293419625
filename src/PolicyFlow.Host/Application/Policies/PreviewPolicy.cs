using PolicyFlow.Directories;
using PolicyFlow.Policies;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Policies;

/// <summary>
/// What the importer read from a document, with the policy office's corrections applied, before anything is published.
/// Stores nothing; a document that cannot be read or a correction that cannot apply is refused with the reason.
/// </summary>
internal sealed class PreviewPolicy(UseCaseAudit audit, PolicyPublisher publisher, AgencyCatalog catalog)
{
    public const string Operation = "policy.preview";

    private const string Subject = "/policies/preview";

    /// <summary>An uploaded file's bytes: the parser reads them first, so a GBK file gets its own message naming the byte.</summary>
    public async Task<PolicyPreview> ReadAsync(Caller caller, byte[] utf8, bool allowIncomplete, CancellationToken cancellationToken = default)
    {
        await audit.RequireAsync(caller, Capabilities.PolicyImport, Operation, Subject, cancellationToken);
        return PolicyDocumentParser.Parse(utf8, catalog, new PolicyParseOptions { AllowIncomplete = allowIncomplete });
    }

    public async Task<CorrectedPreview> CorrectedAsync(Caller caller, string text, bool allowIncomplete, IReadOnlyList<PolicyCorrection>? corrections,
        CancellationToken cancellationToken = default)
    {
        await audit.RequireAsync(caller, Capabilities.PolicyImport, Operation, Subject, cancellationToken);
        return publisher.Preview(text, allowIncomplete, corrections);
    }
}
