using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench.Drills;

/// <summary>
/// A PostgreSQL cluster of the drill's own (its own data directory and port, durability on: fsync, synchronous commit, full
/// page writes), so a drill may stop and start it without touching the server that tests and other benchmarks share.
/// initdb and pg_ctl refuse to run as root; as root they run as the postgres user, as scripts/postgres.sh does.
/// </summary>
internal sealed class DrillCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private DrillCluster(string bin, string directory, int port, string password)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres", MaxPoolSize = 50,
        }.ConnectionString;
    }

    /// <summary>The server's maintenance database; <see cref="BenchStorage"/> creates the drill's database on it.</summary>
    public string ConnectionString { get; }

    public int Port => _port;

    /// <summary>Creates and starts a cluster on <paramref name="port"/>, or on a free port when that one is taken.</summary>
    public static async Task<DrillCluster> StartAsync(int port)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .OrderBy(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).LastOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("No PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql).");
        var directory = Directory.CreateTempSubdirectory("pf-drill-pg-").FullName;
        var password = $"pf-{Guid.NewGuid():N}"[..19];
        var cluster = new DrillCluster(bin, directory, Free(port) ? port : FreePort.Next(), password);
        await File.WriteAllTextAsync(Path.Combine(directory, "pwfile"), password);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:", directory]);
        }
        await cluster.AsPostgresAsync("initdb", ["-D", cluster.Data, "-U", "postgres", $"--pwfile={Path.Combine(directory, "pwfile")}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"]);
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Stops the server as an operator's restart does (<c>pg_ctl stop -m fast</c>: sessions are ended, nothing is lost).</summary>
    public Task StopServerAsync() => AsPostgresAsync("pg_ctl", ["-D", Data, "-w", "-t", "60", "-m", "fast", "stop"]);

    /// <summary>Starts the server; this process's pooled connections from before a stop are dead, so they are dropped.</summary>
    public Task StartServerAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // pg_ctl hands -o to /bin/sh: one line.
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -c port={_port} -c unix_socket_directories={_directory} -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=400 -c shared_buffers=128MB");
        return AsPostgresAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await AsPostgresAsync("pg_ctl", ["-D", Data, "-w", "-m", "immediate", "stop"]);
        }
        Directory.Delete(_directory, recursive: true);
    }

    private string Data => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private Task AsPostgresAsync(string tool, string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]) : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, string[] arguments)
    {
        // From a folder the postgres user can read.
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
