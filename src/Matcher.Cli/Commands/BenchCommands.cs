using System.CommandLine;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher bench …</c>: throughput and latency figures for the performance goals.</summary>
public static class BenchCommands
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure throughput and latency on this machine.");
        bench.Subcommands.Add(EmbedBenchCommand.Create());
        BenchMatchCommands.AddTo(bench);
        BenchRankCommands.AddTo(bench);
        return bench;
    }
}
