using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyFlow.Bench;

/// <summary>With POLICYFLOW_BENCH_TRACE set, prints every SQL command EF Core runs: the text to EXPLAIN when a figure misses its target.</summary>
internal sealed class SqlTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public static void StartIfAsked()
    {
        if (Environment.GetEnvironmentVariable("POLICYFLOW_BENCH_TRACE") is not null)
        {
            DiagnosticListener.AllListeners.Subscribe(new SqlTrace());
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
        {
            Console.WriteLine($"-- SQL\n{data.Command.CommandText};\n-- {string.Join(", ", data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => $"{p.ParameterName}={p.Value}"))}");
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
