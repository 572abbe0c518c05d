using PrefFlow.Host.Hosting;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Commands;

/// <summary>
/// Runs a verb's body and turns failures into one line on stderr and an exit code: 2 for a user's mistake
/// (bad argument, missing file, unknown run, invalid definition), 1 for a run that did not succeed, 70 for a bug.
/// Set PREFFLOW_DEBUG=1 to see a bug's stack trace.
/// </summary>
internal static class CliAction
{
    public const int Succeeded = 0;
    public const int RunDidNotSucceed = 1;
    public const int UserMistake = 2;
    public const int InternalError = 70;

    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRunRequestException error)
        {
            foreach (string line in error.Errors) Console.Error.WriteLine($"prefflow: {line}");
            return UserMistake;
        }
        catch (Exception error) when (error is UserInputException or ArgumentException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"prefflow: {UserError.Describe(error)}");
            return UserMistake;
        }
        catch (ArtifactCorruptedException error)
        {
            Console.Error.WriteLine($"prefflow: {error.Message}");
            return RunDidNotSucceed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("prefflow: stopped.");
            return 130;
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"prefflow: {error.GetType().Name}: {error.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("PREFFLOW_DEBUG") == "1") Console.Error.WriteLine(error);
            return InternalError;
        }
    }
}
