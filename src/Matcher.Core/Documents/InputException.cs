namespace Matcher.Core.Documents;

/// <summary>
/// A request Matcher cannot carry out as asked, with a message written for the person who made it: what is
/// wrong and what to do. Thrown as is, it means bad input (empty, unreadable, too large, unknown format); the
/// derived <see cref="NotFoundException"/> and <see cref="ForbiddenException"/> say that the thing asked for is
/// gone or is not theirs. The CLI maps every kind to exit code 2; the web app maps them to 400, 404 and 403.
/// </summary>
public class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// What was asked for does not exist, or is not visible to the person asking. The two read the same on
/// purpose, so a message never reveals that someone else's item exists.
/// </summary>
public sealed class NotFoundException(string message, Exception? inner = null) : InputException(message, inner);

/// <summary>The person is known and the item is theirs to see, but their role does not allow this action.</summary>
public sealed class ForbiddenException(string message, Exception? inner = null) : InputException(message, inner);
