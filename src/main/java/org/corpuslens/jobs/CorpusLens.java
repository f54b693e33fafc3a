package org.corpuslens.jobs;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code corpuslens} command: {@code run}, {@code extract}, {@code analyze}. */
@Command(
    name = "corpuslens",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.Provider.class,
    description = "Turns archived Chinese news posts into Parquet tables of term frequencies, "
        + "policy-topic trends and source statistics.",
    subcommands = {RunCommand.class, ExtractCommand.class, AnalyzeCommand.class, ReportCommand.class, GenerateCommand.class,
        SampleCommand.class, SegmentCommand.class})
public final class CorpusLens implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, extract or analyze");
  }

  /** Builds the command line with CorpusLens' error handling: bad configuration exits 2 with a message. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CorpusLens());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof ConfigurationException) {
            err.println("corpuslens: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    return cl;
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
