namespace PolicyFlow.Host.Auth;

/// <summary>Claim types PolicyFlow adds to a signed-in principal.</summary>
internal static class PolicyFlowClaims
{
    public const string Agency = "pf:agency";
}
