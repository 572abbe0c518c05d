using System.Collections.Concurrent;
using System.Diagnostics;

namespace PrefFlow.TestSupport;

/// <summary>
/// A <c>prefflow</c> process running in the background, whose output lines a test can wait for, and kill. It runs
/// the prefflow.dll beside the calling program (projects that reference the host get it copied there).
/// </summary>
public sealed class RunningPrefFlow : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly ConcurrentQueue<string> _all = new();
    private readonly ConcurrentQueue<string> _standardOutput = new();

    private RunningPrefFlow(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null) _standardOutput.Enqueue(line.Data);
            Add(line.Data);
        };
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The process id (run owners name it: "host:pid:nonce").</summary>
    public int Id => _process.Id;

    /// <summary>Both streams, interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _all);

    /// <summary>Standard output alone (e.g. the JSON of --json; progress then goes to standard error).</summary>
    public string StandardOutput => string.Join('\n', _standardOutput);

    public static RunningPrefFlow Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "prefflow.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new RunningPrefFlow(Process.Start(start)!);
    }

    /// <summary>Waits for a line satisfying <paramref name="match"/> and returns it.</summary>
    public string WaitFor(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out string? line, left))
            {
                throw new TimeoutException($"no matching line within {timeout.TotalSeconds} s; output so far:\n{Output}");
            }
            if (match(line)) return line;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"prefflow did not finish within {timeout.TotalSeconds} s; output so far:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _lines.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        _all.Enqueue(line);
        if (!_lines.IsAddingCompleted) _lines.Add(line);
    }
}
