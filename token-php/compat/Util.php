<?php

// The assertion helper Agora's PHP test scripts call as `Util::assertEqual`
// (in the reference it sits in src/Util.php beside the packing helpers,
// which are out of scope). Written for the compat runner only: it is not
// part of the package's API, and aliases.php does not declare it.
//
// It compares as the reference's helper does (`==`: the scripts compare an
// int uid with the parsed string, for instance) and prints one line per
// assertion that run-reference.php counts:
//   compat-assert ok <Class::method>:<line>
//   compat-assert FAILED <Class::method>:<line> expected=<...> actual=<...>

final class Util
{
    public static function assertEqual($expected, $actual): void
    {
        $trace = debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS, 2);
        $caller = $trace[1] ?? [];
        $where = (isset($caller['class']) ? $caller['class'] . '::' : '') . ($caller['function'] ?? 'main') . ':' . ($trace[0]['line'] ?? 0);
        if ($expected == $actual) {
            echo "\ncompat-assert ok $where\n";
        } else {
            echo "\ncompat-assert FAILED $where expected=" . self::show($expected) . ' actual=' . self::show($actual) . "\n";
        }
    }

    private static function show(mixed $value): string
    {
        return str_replace("\n", ' ', var_export($value, true));
    }
}
