using PolicyFlow.Bench;

// Usage: dotnet run -c Release --project bench/PolicyFlow.Bench -- engine [--providers Sqlite,PostgreSql] [--runs 5] [--instances 500] [--concurrency 8]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- timers [--providers …] [--runs 3] [--backlog 100000] [--rate 200] [--seconds 30]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- cascade [--providers …] [--cascades 20]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- completions [--providers …] [--measures 10] [--callers 1,8,32]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- memory [--providers …] [--instances 10000,100000]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- coldstart [--providers …] [--timers 1000000]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- importer [--runs 30] [--measures 100]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- http [--providers …] [--users 200] [--seconds 60] [--think-ms 1000]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- drills [--providers …] [--drills a,b,c,d (cascade,timers,pg-restart,smtp-outage)] [--rounds 3] [--timers 10000]
//             [--users 40] [--pg-port 55433] [--pg-warmup 20] [--pg-down 15] [--pg-after 60] [--smtp-down 600] [--first-retry 5] [--max-retry 30]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- reports [--providers …] [--runs 20] [--tasks 1000000] [--export-runs 3]
//        dotnet run -c Release --project bench/PolicyFlow.Bench -- inbox [--providers …] [--runs 10] [--tasks 10000]
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
var providers = (options.GetValueOrDefault("providers") ?? "Sqlite,PostgreSql").Split(',');
var runs = int.Parse(options.GetValueOrDefault("runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
// The configuration the figures were taken with (POLICYFLOW_BENCH_CONFIGURATION=Debug in bench/run.sh on a shared machine).
var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
var command = $"dotnet run -c {configuration} --project bench/PolicyFlow.Bench -- " + string.Join(' ', args);
switch (args.FirstOrDefault())
{
    case "engine":
        await EngineBench.RunAsync(providers, runs,
            int.Parse(options.GetValueOrDefault("instances") ?? "500", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("concurrency") ?? "8", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    case "timers":
        await TimerBench.RunAsync(providers, runs,
            int.Parse(options.GetValueOrDefault("backlog") ?? "100000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("rate") ?? "200", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("seconds") ?? "30", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    case "reports":
        await ReportBench.RunAsync(providers, int.Parse(options.GetValueOrDefault("runs") ?? "20", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("tasks") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("export-runs") ?? "3", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    case "cascade":
        await CascadeBench.RunAsync(providers, int.Parse(options.GetValueOrDefault("cascades") ?? "20", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    case "completions":
        await CompletionBench.RunAsync(providers, int.Parse(options.GetValueOrDefault("measures") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
            [.. (options.GetValueOrDefault("callers") ?? "1,8,32").Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))], command);
        break;
    case "memory":
        await MemoryBench.RunAsync(providers,
            [.. (options.GetValueOrDefault("instances") ?? "10000,100000").Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))], command);
        break;
    case "coldstart":
        await ColdStartBench.RunAsync(providers, int.Parse(options.GetValueOrDefault("timers") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    case "inbox":
        await InboxBench.RunAsync(providers, int.Parse(options.GetValueOrDefault("runs") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("tasks") ?? "10000", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    case "http":
        await HttpLoadBench.RunAsync(providers, int.Parse(options.GetValueOrDefault("users") ?? "200", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("think-ms") ?? "1000", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    case "drills":
        return await PolicyFlow.Bench.Drills.DrillRunner.RunAsync(PolicyFlow.Bench.Drills.DrillSettings.From(options, providers),
            PolicyFlow.Bench.Drills.DrillSettings.Which(options.GetValueOrDefault("drills")), command);
    case "importer":
        ImporterBench.Run(int.Parse(options.GetValueOrDefault("runs") ?? "30", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("measures") ?? "100", System.Globalization.CultureInfo.InvariantCulture), command);
        break;
    default:
        Console.Error.WriteLine("usage: PolicyFlow.Bench engine|timers|cascade|completions|memory|coldstart|reports|inbox|importer [--providers Sqlite,PostgreSql] [--runs N] …");
        return 2;
}
return 0;
