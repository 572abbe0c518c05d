namespace PrefFlow.Host.Commands;

/// <summary>Turns an exception caused by user input into one readable line.</summary>
internal static class UserError
{
    /// <summary>
    /// The message without .NET's " (Parameter 'x')" and "Actual value was" tails; the parameter's
    /// name leads instead, when the message does not already name it.
    /// </summary>
    public static string Describe(Exception error)
    {
        string message = error.Message;
        if (error is ArgumentException { ParamName: { } name })
        {
            int tail = message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal);
            if (tail >= 0) message = message[..tail];
            if (!message.Contains(name, StringComparison.Ordinal)) message = $"{name}: {message}";
        }
        return message.ReplaceLineEndings(" ").Trim();
    }
}
