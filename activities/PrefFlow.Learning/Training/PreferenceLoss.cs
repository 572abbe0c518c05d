using TorchSharp;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// Per-pair preference losses from sequence log-probabilities. With the log-ratio difference
/// h = (log pi(y_w) - log pi_ref(y_w)) - (log pi(y_l) - log pi_ref(y_l)) (paper equation 2, without beta):
/// DPO = -log sigmoid(beta h); IPO = (h - 1/(2 beta))^2; conservative DPO =
/// -(1 - eps) log sigmoid(beta h) - eps log sigmoid(-beta h). SimPO needs no reference but the response lengths,
/// so it has its own method, <see cref="SimPo"/>.
/// </summary>
public static class PreferenceLoss
{
    /// <summary>The loss of each pair, shape [pairs], for the losses against a reference (all but SimPO).</summary>
    public static Tensor Compute(PreferenceLossKind kind, double beta, double labelSmoothing,
        Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected)
    {
        // Every scalar is held in a local until the end: a temporary could be freed mid-call by a garbage collection.
        using Scalar scaled = beta.ToScalar(), negatedBeta = (-beta).ToScalar();
        using Scalar margin = (1.0 / (2.0 * beta)).ToScalar();
        using Scalar keep = (-(1 - labelSmoothing)).ToScalar(), flip = labelSmoothing.ToScalar();
        // square() is pow(2) through a temporary Scalar.
        using Scalar two = 2.ToScalar();
        var h = policyChosen.sub(referenceChosen).sub(policyRejected.sub(referenceRejected));
        return kind switch
        {
            PreferenceLossKind.Dpo => nn.functional.logsigmoid(h.mul(scaled)).neg(),
            PreferenceLossKind.Ipo => h.sub(margin).pow(two),
            PreferenceLossKind.ConservativeDpo =>
                nn.functional.logsigmoid(h.mul(scaled)).mul(keep).sub(nn.functional.logsigmoid(h.mul(negatedBeta)).mul(flip)),
            PreferenceLossKind.SimPo => throw new ArgumentException("SimPO is reference-free and length-normalised: compute it with PreferenceLoss.SimPo", nameof(kind)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown preference loss"),
        };
    }

    /// <summary>
    /// SimPO's loss of each pair, shape [pairs]: -log sigmoid(beta (log pi(y_w)/|y_w| - log pi(y_l)/|y_l|) - gamma),
    /// where the lengths count response tokens and gamma is the target margin of the scaled per-token log-probabilities.
    /// </summary>
    public static Tensor SimPo(double beta, double gamma, Tensor policyChosen, Tensor policyRejected, Tensor chosenLengths, Tensor rejectedLengths)
    {
        using Scalar scaled = beta.ToScalar(), margin = gamma.ToScalar();
        var h = policyChosen.div(chosenLengths).sub(policyRejected.div(rejectedLengths));
        return nn.functional.logsigmoid(h.mul(scaled).sub(margin)).neg();
    }
}
