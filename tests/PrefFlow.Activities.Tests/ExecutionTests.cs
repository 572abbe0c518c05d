using System.Runtime.InteropServices;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Tests;

public sealed class ExecutionTests
{
    [Fact]
    public async Task A_native_torch_error_is_reported_as_transient_with_its_first_line()
    {
        var error = await Assert.ThrowsAsync<TransientActivityException>(() =>
            Execution.ComputeAsync<int>(() => throw new ExternalException("Expected false to be true\nframe #0: native"), CancellationToken.None));

        Assert.Equal("the torch runtime failed: Expected false to be true", error.Message);
        Assert.IsType<ExternalException>(error.InnerException);
    }

    [Fact]
    public async Task Other_errors_pass_through_unchanged()
    {
        await Assert.ThrowsAsync<ActivityException>(() =>
            Execution.ComputeAsync<int>(() => throw new ActivityException("input 'pairs' is empty"), CancellationToken.None));
    }
}
