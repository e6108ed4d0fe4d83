//! The `clusterpolicy` command-line program: the main job of the library.
//!
//! ```text
//! clusterpolicy report [DATASET.json] [--out DIR]   # report of the embedded dataset or a file
//! clusterpolicy validate DATASET.json               # list every problem, exit 1 if invalid
//! clusterpolicy sample [--out FILE]                 # write the embedded synthetic dataset
//! clusterpolicy schema                              # print the JSON Schema of a dataset
//! clusterpolicy import cordis --layout h2020-sod --participations edges.csv \
//!     --organisations unique_org.csv --projects projects.csv --out cordis.json
//! clusterpolicy import long employment.csv --region lga_pow --activity industry \
//!     --year year --value employment --country AU --out employment.json
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clusterpolicy::model::csv::{LongCsvOptions, LongDatasetParams, LongTable, PartnershipSpec, Partnerships};
use clusterpolicy::model::{Direction, Indicator};
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
    /// Build a dataset from CSV files (then run `report` on it).
    #[command(subcommand)]
    Import(Import),
}

#[derive(Subcommand)]
enum Import {
    /// A CORDIS-style partnership list: one participation per row, optionally joined with an
    /// organisations file and a projects file.
    Cordis {
        /// Layout preset.
        #[arg(long, value_enum, default_value = "flat")]
        layout: Layout,
        /// The participations (project x organisation) file.
        #[arg(long)]
        participations: PathBuf,
        /// The organisations file, for layouts that have one.
        #[arg(long)]
        organisations: Option<PathBuf>,
        /// The projects file, for layouts that have one.
        #[arg(long)]
        projects: Option<PathBuf>,
        /// Name of the dataset.
        #[arg(long, default_value = "CORDIS partnerships")]
        name: String,
        /// Output file (JSON).
        #[arg(long)]
        out: PathBuf,
    },
    /// A long-format table: one (region, activity, [year,] value) per row.
    Long {
        /// The CSV file.
        file: PathBuf,
        /// Column of the region label.
        #[arg(long)]
        region: String,
        /// Column of the activity label.
        #[arg(long)]
        activity: String,
        /// Column of the value.
        #[arg(long)]
        value: String,
        /// Column of the year, for panels.
        #[arg(long)]
        year: Option<String>,
        /// Country code of the regions (when the file has no country column).
        #[arg(long)]
        country: Option<String>,
        /// Id of the indicator the values measure.
        #[arg(long, default_value = "value")]
        indicator: String,
        /// Further loader options as JSON, e.g. `{"duplicates": "sum", "missing": "skip"}`
        /// (the fields of `LongCsvOptions`).
        #[arg(long)]
        options: Option<String>,
        /// Name of the dataset.
        #[arg(long, default_value = "imported")]
        name: String,
        /// Output file (JSON).
        #[arg(long)]
        out: PathBuf,
    },
}

/// Layouts of partnership files.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Layout {
    /// One semicolon-separated file like CORDIS `organization.csv`.
    Flat,
    /// Spaghetti Open Data H2020 tables (`edges`, `unique_org`, `projects`).
    H2020Sod,
    /// Spaghetti Open Data FP7 tables (edges, orgs with NUTS codes).
    Fp7Sod,
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
        Command::Import(import) => {
            let ds = match import {
                Import::Cordis { layout, participations, organisations, projects, name, out } => {
                    let spec = match layout {
                        Layout::Flat => PartnershipSpec::cordis_flat(),
                        Layout::H2020Sod => PartnershipSpec::cordis_h2020_sod(),
                        Layout::Fp7Sod => PartnershipSpec::cordis_fp7_sod(),
                    };
                    let p = Partnerships::from_paths(
                        &spec,
                        &participations,
                        organisations.as_deref(),
                        projects.as_deref(),
                    )?;
                    eprintln!("{:#?}", p.summary);
                    (p.into_dataset(&name), out)
                }
                Import::Long { file, region, activity, value, year, country, indicator, options, name, out } => {
                    let base = match options {
                        Some(json) => {
                            serde_json::from_str::<LongCsvOptions>(&json).map_err(|e| Error::InvalidParameter {
                                name: "options".into(),
                                reason: format!("not valid LongCsvOptions JSON: {e}"),
                            })?
                        }
                        None => LongCsvOptions::default(),
                    };
                    let opts = LongCsvOptions { region, activity, value, year, ..base };
                    let table = LongTable::from_path(&file, &opts)?;
                    let params = LongDatasetParams {
                        name,
                        indicator: Indicator::new(indicator.clone(), indicator, "", Direction::Increase),
                        country,
                        ..LongDatasetParams::default()
                    };
                    (table.to_dataset(&params)?, out)
                }
            };
            let (ds, out) = ds;
            ds.write_json_file(&out)?;
            let problems = ds.validate().problems.len();
            println!(
                "wrote {}: {} regions, {} activities, {} actors, {} projects, {} observations; {problems} validation problem(s)",
                out.display(),
                ds.regions.len(),
                ds.activities.len(),
                ds.actors.len(),
                ds.projects.len(),
                ds.observations.len()
            );
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
