namespace PrefFlow.Learning.Training;

/// <summary>The preference-optimisation objective.</summary>
public enum PreferenceLossKind
{
    /// <summary>Sigmoid DPO (Rafailov et al.): -log sigmoid(beta h).</summary>
    Dpo,
    /// <summary>IPO (Azar et al.): (h - 1/(2 beta))^2, which does not push margins without bound.</summary>
    Ipo,
    /// <summary>Label-smoothed, conservative DPO: assumes labels are flipped with probability epsilon.</summary>
    ConservativeDpo,
    /// <summary>
    /// SimPO (Meng et al. 2024): -log sigmoid(beta (log pi(y_w)/|y_w| - log pi(y_l)/|y_l|) - gamma), reference-free
    /// and length-normalised; computed by <see cref="PreferenceLoss.SimPo"/>.
    /// </summary>
    SimPo,
}
