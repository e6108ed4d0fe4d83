//! The `clusterpolicy` command-line program: the main job of the library.
//!
//! ```text
//! clusterpolicy report [DATASET.json] [--out DIR]   # report of the embedded dataset or a file
//! clusterpolicy validate DATASET.json               # list every problem, exit 1 if invalid
//! clusterpolicy sample [--out FILE]                 # write the embedded synthetic dataset
//! clusterpolicy schema                              # print the JSON Schema of a dataset
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clusterpolicy::{Dataset, Error, report::Report, sample};

/// Cluster-strategy analytics: specialisation, cooperation networks, synergies, strategy learning.
#[derive(Parser)]
#[command(name = "clusterpolicy", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load a dataset (the embedded synthetic one by default), validate it and write the
    /// report as `report.json` and `report.html`.
    Report {
        /// A dataset in JSON; the embedded synthetic South-East Europe dataset when absent.
        dataset: Option<PathBuf>,
        /// Folder to write the report into (created if missing).
        #[arg(long, default_value = "out")]
        out: PathBuf,
    },
    /// Validate a dataset and print every problem with its path; exit status 1 if invalid.
    Validate {
        /// A dataset in JSON.
        dataset: PathBuf,
    },
    /// Write the embedded synthetic dataset as JSON.
    Sample {
        /// Output file; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print the JSON Schema of the dataset document.
    Schema,
}

fn load(path: Option<&Path>) -> Result<Dataset, Error> {
    match path {
        Some(p) => Dataset::read_json_file(p),
        None => Ok(sample::south_east_europe()),
    }
}

fn write(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|e| Error::Io { path: path.display().to_string(), message: e.to_string() })
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Report { dataset, out } => {
            let ds = load(dataset.as_deref())?;
            let report = Report::build(&ds);
            std::fs::create_dir_all(&out)
                .map_err(|e| Error::Io { path: out.display().to_string(), message: e.to_string() })?;
            write(&out.join("report.json"), &(report.to_json() + "\n"))?;
            write(&out.join("report.html"), &report.to_html())?;
            let problems = report.validation.problems.len();
            println!(
                "{}: {} regions, {} actors, {} projects; {} validation problem(s)",
                ds.name,
                report.summary.counts.regions,
                report.summary.counts.actors,
                report.summary.counts.projects,
                problems
            );
            println!("wrote {} and {}", out.join("report.json").display(), out.join("report.html").display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { dataset } => {
            let ds = Dataset::read_json_file(&dataset)?;
            let report = ds.validate();
            for p in &report.problems {
                println!("{:?} {}: {}", p.severity, p.path, p.message);
            }
            if report.is_valid() {
                println!("{}: valid ({} warning(s))", dataset.display(), report.problems.len());
                Ok(ExitCode::SUCCESS)
            } else {
                println!("{}: {} problem(s)", dataset.display(), report.problems.len());
                Ok(ExitCode::from(1))
            }
        }
        Command::Sample { out } => {
            let json = sample::south_east_europe().to_json_pretty() + "\n";
            match out {
                Some(p) => write(&p, &json)?,
                None => print!("{json}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            println!("{}", serde_json::to_string_pretty(&Dataset::json_schema()).unwrap_or_default());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error ({}): {e}", e.kind());
            ExitCode::from(2)
        }
    }
}
