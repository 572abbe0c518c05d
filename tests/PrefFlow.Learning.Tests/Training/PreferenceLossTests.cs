using PrefFlow.Learning.Training;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Tests.Training;

public sealed class PreferenceLossTests
{
    // Hand-computed: h = (-3.0 - -3.5) - (-4.0 - -3.8) = 0.5 + 0.2 = 0.7; beta = 0.1 -> beta*h = 0.07.
    private const double H = 0.7, Beta = 0.1;

    private static (Tensor Pc, Tensor Pr, Tensor Rc, Tensor Rr) Inputs() =>
        (tensor(new[] { -3.0 }, requires_grad: true), tensor(new[] { -4.0 }, requires_grad: true), tensor(new[] { -3.5 }), tensor(new[] { -3.8 }));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Dpo_loss_and_gradient_match_the_hand_computed_values()
    {
        var (pc, pr, rc, rr) = Inputs();
        var loss = PreferenceLoss.Compute(PreferenceLossKind.Dpo, Beta, 0, pc, pr, rc, rr);
        loss.sum().backward();
        // loss = -log sigmoid(0.07) = log(1 + e^-0.07) = 0.6587596...
        Assert.Equal(Math.Log(1 + Math.Exp(-Beta * H)), loss.item<double>(), 12);
        Assert.Equal(0.6587596, loss.item<double>(), 6);
        // d loss / d log pi(y_w) = -beta * sigmoid(-beta h); d / d log pi(y_l) = +beta * sigmoid(-beta h).
        Assert.Equal(-Beta * Sigmoid(-Beta * H), pc.grad!.item<double>(), 12);
        Assert.Equal(Beta * Sigmoid(-Beta * H), pr.grad!.item<double>(), 12);
        Assert.Equal(-0.04825071, pc.grad!.item<double>(), 7);
    }

    [Fact]
    public void Ipo_loss_and_gradient_match_the_hand_computed_values()
    {
        var (pc, pr, rc, rr) = Inputs();
        var loss = PreferenceLoss.Compute(PreferenceLossKind.Ipo, Beta, 0, pc, pr, rc, rr);
        loss.sum().backward();
        // (h - 1/(2 beta))^2 = (0.7 - 5)^2 = 18.49; gradient 2 (h - 5) = -8.6 w.r.t. log pi(y_w).
        Assert.Equal(18.49, loss.item<double>(), 10);
        Assert.Equal(-8.6, pc.grad!.item<double>(), 10);
        Assert.Equal(8.6, pr.grad!.item<double>(), 10);
    }

    [Fact]
    public void Conservative_dpo_mixes_both_label_directions()
    {
        var (pc, pr, rc, rr) = Inputs();
        const double eps = 0.2;
        var loss = PreferenceLoss.Compute(PreferenceLossKind.ConservativeDpo, Beta, eps, pc, pr, rc, rr);
        loss.sum().backward();
        double expected = -(1 - eps) * Math.Log(Sigmoid(Beta * H)) - eps * Math.Log(Sigmoid(-Beta * H));
        Assert.Equal(expected, loss.item<double>(), 12);
        double gradient = -(1 - eps) * Beta * Sigmoid(-Beta * H) + eps * Beta * Sigmoid(Beta * H);
        Assert.Equal(gradient, pc.grad!.item<double>(), 12);
    }

    [Fact]
    public void Zero_smoothing_conservative_dpo_equals_dpo()
    {
        var (pc, pr, rc, rr) = Inputs();
        var dpo = PreferenceLoss.Compute(PreferenceLossKind.Dpo, Beta, 0, pc, pr, rc, rr).item<double>();
        var conservative = PreferenceLoss.Compute(PreferenceLossKind.ConservativeDpo, Beta, 0, pc, pr, rc, rr).item<double>();
        Assert.Equal(dpo, conservative, 14);
    }

    [Fact]
    public void Simpo_loss_and_gradient_match_the_hand_computed_values()
    {
        // Per-token log-probabilities -3/3 = -1 and -4/8 = -0.5: the chosen response is less likely per token, so
        // the scaled margin is 2 * (-1 - -0.5) - 0.5 = -1.5 and the loss is log(1 + e^1.5) = 1.7014133...
        var (pc, pr) = (tensor(new[] { -3.0 }, requires_grad: true), tensor(new[] { -4.0 }, requires_grad: true));
        var loss = PreferenceLoss.SimPo(2.0, 0.5, pc, pr, tensor(new[] { 3.0 }), tensor(new[] { 8.0 }));
        loss.sum().backward();
        Assert.Equal(Math.Log(1 + Math.Exp(1.5)), loss.item<double>(), 12);
        Assert.Equal(1.7014133, loss.item<double>(), 7);
        // d loss / d log pi(y_w) = -beta sigmoid(1.5) / |y_w|; d / d log pi(y_l) = +beta sigmoid(1.5) / |y_l|.
        Assert.Equal(-2.0 * Sigmoid(1.5) / 3, pc.grad!.item<double>(), 12);
        Assert.Equal(2.0 * Sigmoid(1.5) / 8, pr.grad!.item<double>(), 12);
    }

    [Fact]
    public void Simpo_with_zero_gamma_is_dpo_on_per_token_log_probabilities_without_a_reference()
    {
        var (pc, pr) = (tensor(new[] { -6.0, -2.0 }), tensor(new[] { -9.0, -1.0 }));
        var (lc, lr) = (tensor(new[] { 3.0, 4.0 }), tensor(new[] { 3.0, 2.0 }));
        var simpo = PreferenceLoss.SimPo(Beta, 0, pc, pr, lc, lr).data<double>().ToArray();
        var dpo = PreferenceLoss.Compute(PreferenceLossKind.Dpo, Beta, 0, pc / lc, pr / lr, zeros(2, ScalarType.Float64), zeros(2, ScalarType.Float64)).data<double>().ToArray();
        Assert.Equal(dpo, simpo);
        Assert.Equal(Math.Log(1 + Math.Exp(-Beta * 1.0)), simpo[0], 12);     // (-2) - (-3) = 1
        Assert.Equal(Math.Log(1 + Math.Exp(-Beta * 0.0)), simpo[1], 12);     // (-0.5) - (-0.5) = 0
    }

    [Fact]
    public void Simpo_is_not_computed_by_the_reference_based_method()
    {
        var (pc, pr, rc, rr) = Inputs();
        var error = Assert.Throws<ArgumentException>(() => PreferenceLoss.Compute(PreferenceLossKind.SimPo, Beta, 0, pc, pr, rc, rr));
        Assert.Contains("PreferenceLoss.SimPo", error.Message, StringComparison.Ordinal);
    }
}
