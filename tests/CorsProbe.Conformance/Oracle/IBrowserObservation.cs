namespace CorsProbing.Conformance.Oracle;

/// <summary>What a live browser did with one case of a catalogue.</summary>
public interface IBrowserObservation
{
    /// <summary>How the browser's <c>fetch()</c> ended; <c>missing</c> when the case never ran.</summary>
    string Outcome { get; }

    /// <summary>Which case this is, as the catalogue defines it (its id and fingerprint): a recording covers the catalogue when these agree.</summary>
    object Identity { get; }

    /// <summary>What the browser decided: a live run must decide as the recording did.</summary>
    object Decision { get; }
}
