using TorchSharp;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// AdamW (decoupled weight decay), written out so that its whole state (step count and both moment
/// estimates) can be checkpointed and restored exactly, which bit-identical continuation needs.
/// </summary>
public sealed class AdamW : IDisposable
{
    private readonly Tensor[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _beta1, _beta2, _epsilon, _weightDecay;

    /// <summary>An optimiser over <paramref name="parameters"/> with zeroed moments.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double weightDecay = 0.0, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = [.. parameters];
        _firstMoments = [.. _parameters.Select(p => zeros_like(p))];
        _secondMoments = [.. _parameters.Select(p => zeros_like(p))];
        (_beta1, _beta2, _epsilon, _weightDecay) = (beta1, beta2, epsilon, weightDecay);
    }

    /// <summary>Updates taken so far.</summary>
    public long Step { get; private set; }

    /// <summary>The first and second moment tensors, in parameter order (for checkpoints).</summary>
    public IReadOnlyList<Tensor> FirstMoments => _firstMoments;

    /// <inheritdoc cref="FirstMoments"/>
    public IReadOnlyList<Tensor> SecondMoments => _secondMoments;

    /// <summary>Applies one update with learning rate <paramref name="learningRate"/> from the parameters' gradients.</summary>
    public void Update(double learningRate)
    {
        Step++;
        double correction1 = 1 - Math.Pow(_beta1, Step);
        double correction2 = 1 - Math.Pow(_beta2, Step);
        using var _ = no_grad();
        // Scalars held in locals for the whole loop: a temporary one could be freed by a garbage collection while a
        // native call still reads it (TorchSharp does not keep its arguments alive).
        using Scalar decay = (1 - learningRate * _weightDecay).ToScalar();
        using Scalar beta1 = _beta1.ToScalar(), oneMinusBeta1 = (1 - _beta1).ToScalar();
        using Scalar beta2 = _beta2.ToScalar(), oneMinusBeta2 = (1 - _beta2).ToScalar();
        using Scalar correction = Math.Sqrt(correction2).ToScalar(), epsilon = _epsilon.ToScalar();
        using Scalar stepSize = (-learningRate / correction1).ToScalar(), one = 1.ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            // The scope holds the wrapper that .grad returns (a new one each time) until the end of the update: left
            // unreferenced, a garbage collection could free it while a native call still reads it.
            using var scope = NewDisposeScope();
            var gradient = _parameters[i].grad;
            if (gradient is null) continue;
            _parameters[i].mul_(decay);
            _firstMoments[i].mul_(beta1).add_(gradient, alpha: oneMinusBeta1);
            _secondMoments[i].mul_(beta2).addcmul_(gradient, gradient, value: oneMinusBeta2);
            // add_ without an alpha would pass a temporary Scalar alpha = 1 (see above).
            var denominator = _secondMoments[i].sqrt().div(correction).add_(epsilon, one);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, value: stepSize);
        }
    }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGradients()
    {
        // Held by the scope through zero_ (see Update): this call was where an unheld wrapper crashed the process.
        using var scope = NewDisposeScope();
        foreach (var parameter in _parameters) parameter.grad?.zero_();
    }

    /// <summary>Restores a saved state (step and moments, in parameter order).</summary>
    public void Restore(long step, IReadOnlyList<Tensor> firstMoments, IReadOnlyList<Tensor> secondMoments)
    {
        if (firstMoments.Count != _parameters.Length || secondMoments.Count != _parameters.Length)
        {
            throw new ArgumentException($"optimizer state has {firstMoments.Count} moments, the model has {_parameters.Length} parameters");
        }
        using var _ = no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            _firstMoments[i].copy_(firstMoments[i]);
            _secondMoments[i].copy_(secondMoments[i]);
        }
        Step = step;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _firstMoments.Concat(_secondMoments)) tensor.Dispose();
    }
}
