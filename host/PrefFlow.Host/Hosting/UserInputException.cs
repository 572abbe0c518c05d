namespace PrefFlow.Host.Hosting;

/// <summary>A mistake in what the user typed or pointed at; printed as one line, exit code 2.</summary>
internal sealed class UserInputException(string message) : Exception(message);
