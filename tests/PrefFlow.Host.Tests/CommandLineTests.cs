namespace PrefFlow.Host.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Presets_lists_every_preset_with_its_parameter_count()
    {
        var result = PrefFlowProcess.Run("presets");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tiny", result.Output);
        Assert.Contains("799,232", result.Output);
        Assert.Contains("large", result.Output);
    }

    [Theory]
    [InlineData("bogus-strategy", "--strategies", "smallest,bogus")]
    [InlineData("150%", "--budget", "150%")]
    [InlineData("--preset 'huge' is unknown", "--preset", "huge")]
    [InlineData("--device 'gpu' is unknown", "--device", "gpu")]
    [InlineData("--prompts", "--prompts", "abc")]
    [InlineData("--responses must be at least 2", "--responses", "1")]
    [InlineData("--lr must be a finite number > 0", "--lr", "NaN")]
    [InlineData("larger than the corpus", "--budget", "5000")]
    [InlineData("--threads must be at least 1", "--threads", "0")]
    public void Bad_arguments_fail_fast_with_one_clear_line_and_no_stack_trace(string expected, string option, string value)
    {
        var result = PrefFlowProcess.Run("experiment", option, value);
        Assert.Equal(2, result.ExitCode);
        string message = result.Error + result.Output;
        Assert.Contains(expected.Replace("bogus-strategy", "bogus"), message);
        Assert.DoesNotContain("   at ", message);
        Assert.DoesNotContain("Exception", message);
        Assert.DoesNotContain("Usage:", message);
        Assert.DoesNotContain("OptionResult", message);
    }

    [Fact]
    public void An_unknown_command_is_refused()
    {
        var result = PrefFlowProcess.Run("fly");
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
