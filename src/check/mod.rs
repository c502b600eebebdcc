pub mod hygiene;
