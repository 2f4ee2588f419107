using System.CommandLine;
using Matcher.Cli.Commands;

namespace Matcher.Cli;

/// <summary>The <c>matcher</c> command. Each command group registers itself from its own file.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Matcher: how well a CV fits a role, requirement by requirement.");
        root.Subcommands.Add(EvalCommands.Create());
        root.Subcommands.Add(CvCommands.Create());
        root.Subcommands.Add(PostingCommands.Create());
        root.Subcommands.Add(MatchCommands.Create());
        root.Subcommands.Add(RankCommands.Create());
        root.Subcommands.Add(BenchCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
}
