package org.cews.client.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/** The {@code enroll} command: parses the command line, runs a command, maps failures to exit codes. */
public final class Enroll {
    private Enroll() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), Environment.system()));
    }

    /** Runs the command line; returns the exit code ({@link ExitCode}). */
    public static int run(List<String> args, Environment env) {
        try {
            return dispatch(args, env).code();
        } catch (ClientException e) {
            env.err().println(e.getMessage());
            return ExitCode.of(e.failure()).code();
        } catch (RuntimeException e) {
            env.err().println("enroll: unexpected error: " + e);
            return ExitCode.INTERNAL.code();
        }
    }

    private static ExitCode dispatch(List<String> args, Environment env) throws ClientException {
        Options any = Options.parse(args, union("valued"), union("flags"));
        if (any.flag("help") || args.isEmpty()) {
            env.out().print(Help.text());
            return args.isEmpty() ? ExitCode.BAD_INPUT : ExitCode.OK;
        }
        if (any.positional().isEmpty()) {
            throw new ClientException(ClientMessage.USAGE, "no command: templates, request, poll or renew");
        }
        String command = any.positional().get(0);
        List<String> rest = new java.util.ArrayList<>(args);
        rest.remove((int) any.positionalIndex(0));
        return switch (command) {
            case "templates" -> TemplatesCommand.run(
                    parse(rest, TemplatesCommand.VALUED, TemplatesCommand.FLAGS), session(rest, env), env);
            case "request" -> RequestCommand.run(
                    parse(rest, RequestCommand.VALUED, RequestCommand.FLAGS), session(rest, env), env);
            case "poll" -> PollCommand.run(parse(rest, PollCommand.VALUED, PollCommand.FLAGS), session(rest, env), env);
            case "renew" -> RenewCommand.run(
                    parse(rest, RenewCommand.VALUED, RenewCommand.FLAGS), session(rest, env), env);
            default -> throw new ClientException(
                    ClientMessage.USAGE, "unknown command " + command + " (templates, request, poll, renew)");
        };
    }

    private static Options parse(List<String> args, Set<String> valued, Set<String> flags) throws ClientException {
        Options o = Options.parse(args, plus(Session.VALUED, valued), plus(Session.FLAGS, flags));
        if (!o.positional().isEmpty() && valued != PollCommand.VALUED) {
            throw new ClientException(
                    ClientMessage.USAGE, "unexpected argument " + o.positional().get(0));
        }
        return o;
    }

    private static Session session(List<String> args, Environment env) throws ClientException {
        return new Session(Options.parse(args, union("valued"), union("flags")), env);
    }

    private static Set<String> union(String which) {
        boolean valued = which.equals("valued");
        Set<String> all = new HashSet<>(valued ? Session.VALUED : Session.FLAGS);
        all.addAll(valued ? TemplatesCommand.VALUED : TemplatesCommand.FLAGS);
        all.addAll(valued ? RequestCommand.VALUED : RequestCommand.FLAGS);
        all.addAll(valued ? PollCommand.VALUED : PollCommand.FLAGS);
        all.addAll(valued ? RenewCommand.VALUED : RenewCommand.FLAGS);
        return all;
    }

    private static Set<String> plus(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
