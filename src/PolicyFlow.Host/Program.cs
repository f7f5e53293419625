using PolicyFlow.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddPolicyFlow();
var app = builder.Build();
if (await PolicyFlow.Host.Auth.Accounts.CreateAdminCommand.TryRunAsync(app, args)
    || await PolicyFlow.Host.Auth.Hardening.RemoveDemoAccountsCommand.TryRunAsync(app, args))
{
    return;
}
await app.UsePolicyFlowAsync();
await app.RunAsync();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
