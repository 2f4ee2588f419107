namespace Matcher.Core.Documents;

/// <summary>
/// Input Matcher cannot use (empty, unreadable, too large, unknown format). The message is written for
/// the person who supplied the file: what is wrong and what to do. The CLI maps it to exit code 2.
/// </summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
